using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Connectors;

public sealed class ConnectorDeleteTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Delete_ExistingConnector_Returns204ThenGetReturns404()
    {
        await CreateAsync("to-delete");

        var deleted = await host.Admin.DeleteAsync("/api/connectors/to-delete", Ct);
        var after = await host.Admin.GetAsync("/api/connectors/to-delete", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await after.AssertProblemAsync(HttpStatusCode.NotFound, "connector_not_found");
    }

    [Fact]
    public async Task Delete_Twice_SecondReturns404()
    {
        await CreateAsync("delete-twice");
        await host.Admin.DeleteAsync("/api/connectors/delete-twice", Ct);

        var again = await host.Admin.DeleteAsync("/api/connectors/delete-twice", Ct);

        await again.AssertProblemAsync(HttpStatusCode.NotFound, "connector_not_found");
    }

    [Fact]
    public async Task Delete_ConnectorWithLinkedIdentity_KeepsTheUserAndTheIdentity()
    {
        await CreateAsync("linked");
        var userId = await Seed.UserWithIdentityAsync(host.Database, "linked", "octocat", "Mona");

        await host.Admin.DeleteAsync("/api/connectors/linked", Ct);

        var user = await (await host.Admin.GetAsync($"/api/users/{userId}", Ct)).ReadJsonAsync();
        var identity = Assert.Single(user["identities"]!.AsArray());
        Assert.Equal("linked", identity!["connectorId"]!.GetValue<string>());
        Assert.Equal("octocat", identity["subject"]!.GetValue<string>());
    }

    private async Task CreateAsync(string id)
    {
        var response = await host.Admin.PostAsync("/api/connectors", HttpJson.Body(LogtoConfigs.Connector(id, id, LogtoConfigs.GitHub())), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
