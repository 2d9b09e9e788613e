using System.Net;
using Connector.Host.Connectors;
using Connector.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Connector.Host.Tests.Connectors;

public sealed class ConnectorPatchTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Patch_WithoutClientSecret_ChangesFieldsAndKeepsTheSecret()
    {
        await CreateAsync("keep-secret");

        var response = await host.Admin.PatchAsync("/api/connectors/keep-secret",
            HttpJson.Body("""{ "name": "Renamed", "enabled": false, "config": { "scope": "read:user" } }""", "application/merge-patch+json"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Renamed", body["name"]!.GetValue<string>());
        Assert.False(body["enabled"]!.GetValue<bool>());
        Assert.Equal("read:user", body["config"]!["scope"]!.GetValue<string>());
        Assert.Equal("https://api.github.com/user", body["config"]!["userInfoEndpoint"]!.GetValue<string>());
        Assert.True(body["config"]!["hasClientSecret"]!.GetValue<bool>());
        Assert.Equal(LogtoConfigs.GitHubSecret, (await LoadAsync("keep-secret")).Config.ClientSecret);
    }

    [Fact]
    public async Task Patch_WithClientSecret_ReplacesTheSecret()
    {
        await CreateAsync("new-secret");

        var response = await host.Admin.PatchAsync("/api/connectors/new-secret",
            HttpJson.Body("""{ "config": { "clientSecret": "rotated-secret-value" } }"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("rotated-secret-value", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("rotated-secret-value", (await LoadAsync("new-secret")).Config.ClientSecret);
    }

    [Fact]
    public async Task Patch_WithNestedObject_MergesItMemberByMember()
    {
        await CreateAsync("nested-merge");

        var body = await (await host.Admin.PatchAsync("/api/connectors/nested-merge",
            HttpJson.Body("""{ "config": { "profileMap": { "email": "emails.0.value" }, "customConfig": { "prompt": "consent" } } }"""), Ct))
            .ReadJsonAsync();

        Assert.Equal("emails.0.value", body["config"]!["profileMap"]!["email"]!.GetValue<string>());
        Assert.Equal("avatar_url", body["config"]!["profileMap"]!["avatar"]!.GetValue<string>());
        Assert.Equal("false", body["config"]!["customConfig"]!["allowSignup"]!.GetValue<string>());
        Assert.Equal("consent", body["config"]!["customConfig"]!["prompt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_WithNullValue_RemovesAnOptionalField()
    {
        await CreateAsync("remove-scope");

        var body = await (await host.Admin.PatchAsync("/api/connectors/remove-scope",
            HttpJson.Body("""{ "config": { "scope": null } }"""), Ct)).ReadJsonAsync();

        Assert.Null(body["config"]!["scope"]);
    }

    [Fact]
    public async Task Patch_WithNullClientSecret_ReportsItRequired()
    {
        await CreateAsync("null-secret");

        var response = await host.Admin.PatchAsync("/api/connectors/null-secret", HttpJson.Body("""{ "config": { "clientSecret": null } }"""), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["required"], problem.CodesFor("config.clientSecret"));
        Assert.Equal(LogtoConfigs.GitHubSecret, (await LoadAsync("null-secret")).Config.ClientSecret);
    }

    [Fact]
    public async Task Patch_ChangingTheId_ReportsItReadOnly()
    {
        await CreateAsync("fixed-id");

        var response = await host.Admin.PatchAsync("/api/connectors/fixed-id", HttpJson.Body("""{ "id": "other-id" }"""), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["read_only"], problem.CodesFor("id"));
    }

    [Fact]
    public async Task Patch_WithTheDocumentReadBack_IsAcceptedAndKeepsTheSecret()
    {
        await CreateAsync("round-trip");
        var document = await (await host.Admin.GetAsync("/api/connectors/round-trip", Ct)).Content.ReadAsStringAsync(Ct);

        var response = await host.Admin.PatchAsync("/api/connectors/round-trip", HttpJson.Body(document), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LogtoConfigs.GitHubSecret, (await LoadAsync("round-trip")).Config.ClientSecret);
    }

    private async Task CreateAsync(string id)
    {
        var response = await host.Admin.PostAsync("/api/connectors", HttpJson.Body(LogtoConfigs.Connector(id, id, LogtoConfigs.GitHub())), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<LoadedConnector> LoadAsync(string id) =>
        await host.Factory.Services.GetRequiredService<ConnectorConfigLoader>().LoadAsync(id, Ct)
        ?? throw new InvalidOperationException($"Connector {id} is gone.");
}
