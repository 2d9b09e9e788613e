using System.Net;
using System.Text.RegularExpressions;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Health;

public sealed partial class HealthAndReferenceTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthz_WithoutKey_Returns200()
    {
        using var client = host.Factory.CreateClient();

        var response = await client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_WithMigratedDatabase_Returns200()
    {
        using var client = host.Factory.CreateClient();

        var response = await client.GetAsync("/readyz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheAdminRoutesAndTheBearerScheme()
    {
        using var client = host.Factory.CreateClient();

        var document = await (await client.GetAsync("/openapi/v1.json", Ct)).ReadJsonAsync();

        var paths = document["paths"]!.AsObject().Select(path => path.Key).ToList();
        Assert.Contains("/api/connectors", paths);
        Assert.Contains("/api/connectors/{id}", paths);
        Assert.Contains("/api/connectors/discover", paths);
        Assert.Contains("/api/users/{id}", paths);
        Assert.Contains("/api/audit", paths);
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["AdminKey"]!["scheme"]!.GetValue<string>());
        Assert.NotNull(document["paths"]!["/api/connectors"]!["post"]!["requestBody"]);
    }

    [Fact]
    public async Task ApiReferencePage_LoadsNothingFromOutside()
    {
        using var client = host.Factory.CreateClient();

        var response = await client.GetAsync("/scalar/", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExternalAsset(), html);
        var script = await client.GetAsync("/scalar/scalar.js", Ct);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [GeneratedRegex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAsset();
}
