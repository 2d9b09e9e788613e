using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Connectors;

public sealed class ConnectorReadTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_AfterCreate_ReturnsConfigWithoutSecretAndHasClientSecretTrue()
    {
        await CreateAsync("read-one");

        var response = await host.Admin.GetAsync("/api/connectors/read-one", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(LogtoConfigs.GitHubSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"clientSecret\"", text, StringComparison.Ordinal);
        var body = await response.ReadJsonAsync();
        Assert.True(body["config"]!["hasClientSecret"]!.GetValue<bool>());
        Assert.Equal("Iv1.8a61f9b3a7aba766", body["config"]!["clientId"]!.GetValue<string>());
        Assert.Equal("https://api.github.com/user", body["config"]!["userInfoEndpoint"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_AfterCreate_ContainsConnectorsWithoutAnySecret()
    {
        await CreateAsync("list-a");
        await CreateAsync("list-b");

        var response = await host.Admin.GetAsync("/api/connectors", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(LogtoConfigs.GitHubSecret, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var list = (await response.ReadJsonAsync()).AsArray();
        var ids = list.Select(item => item!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("list-a", ids);
        Assert.Contains("list-b", ids);
        Assert.All(list, item =>
        {
            Assert.Null(item!["config"]!["clientSecret"]);
            Assert.True(item["config"]!["hasClientSecret"]!.GetValue<bool>());
        });
    }

    [Fact]
    public async Task Get_WithUnknownId_Returns404ConnectorNotFound()
    {
        var response = await host.Admin.GetAsync("/api/connectors/no-such-connector", Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "connector_not_found");
    }

    [Fact]
    public async Task Patch_WithUnknownId_Returns404ConnectorNotFound()
    {
        var response = await host.Admin.PatchAsync("/api/connectors/no-such-connector", HttpJson.Body("""{ "name": "x" }"""), Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "connector_not_found");
    }

    private async Task CreateAsync(string id)
    {
        var response = await host.Admin.PostAsync("/api/connectors", HttpJson.Body(LogtoConfigs.Connector(id, id, LogtoConfigs.GitHub())), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
