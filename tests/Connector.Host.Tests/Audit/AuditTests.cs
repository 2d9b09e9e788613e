using System.Net;
using Connector.Host.Tests.Infrastructure;
using Dapper;

namespace Connector.Host.Tests.Audit;

public sealed class AuditTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AdminChanges_WriteAuditEventsNewestFirst_WithoutSecrets()
    {
        const string firstSecret = "audit-first-secret-91c2";
        const string secondSecret = "audit-second-secret-5d7e";
        await host.Admin.PostAsync("/api/connectors", HttpJson.Body(LogtoConfigs.Connector("audited", "Audited", LogtoConfigs.GitHub(firstSecret))), Ct);
        await host.Admin.PatchAsync("/api/connectors/audited", HttpJson.Body($$"""{ "name": "Audited 2", "config": { "clientSecret": "{{secondSecret}}" } }"""), Ct);
        await host.Admin.DeleteAsync("/api/connectors/audited", Ct);

        var response = await host.Admin.GetAsync("/api/audit?limit=500", Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(firstSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(secondSecret, text, StringComparison.Ordinal);
        var events = (await response.ReadJsonAsync()).AsArray().Where(e => e!["target"]?.GetValue<string>() == "audited").ToList();
        Assert.Equal(["connector.deleted", "connector.updated", "connector.created"], events.Select(e => e!["action"]!.GetValue<string>()));
        Assert.All(events, e =>
        {
            Assert.Equal("success", e!["outcome"]!.GetValue<string>());
            Assert.StartsWith("admin-key:", e["actor"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.DoesNotContain(AdminKeys.Primary, e["actor"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        var changed = events[1]!["details"]!["changed"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal(["name", "config.clientSecret"], changed);

        await using var connection = await host.Database.OpenAsync();
        var rows = string.Join('\n', await connection.QueryAsync<string>("SELECT a::text FROM audit_events a"));
        Assert.DoesNotContain(firstSecret, rows, StringComparison.Ordinal);
        Assert.DoesNotContain(secondSecret, rows, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedChange_WritesNoAuditEvent()
    {
        var before = await CountAsync();

        await host.Admin.PostAsync("/api/connectors", HttpJson.Body("""{ "name": "" }"""), Ct);
        await host.Admin.DeleteAsync("/api/connectors/never-existed", Ct);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Audit_WithBefore_ReturnsTheNextOlderPage()
    {
        for (var i = 0; i < 3; i++)
        {
            await host.Admin.PostAsync("/api/connectors", HttpJson.Body(LogtoConfigs.Connector($"paged-{i}", "Paged", LogtoConfigs.GitHub())), Ct);
        }

        var firstPage = (await (await host.Admin.GetAsync("/api/audit?limit=2", Ct)).ReadJsonAsync()).AsArray();
        var lastId = firstPage[^1]!["id"]!.GetValue<long>();
        var secondPage = (await (await host.Admin.GetAsync($"/api/audit?limit=2&before={lastId}", Ct)).ReadJsonAsync()).AsArray();

        Assert.Equal(2, firstPage.Count);
        Assert.True(firstPage[0]!["id"]!.GetValue<long>() > lastId);
        Assert.NotEmpty(secondPage);
        Assert.All(secondPage, e => Assert.True(e!["id"]!.GetValue<long>() < lastId));
    }

    [Fact]
    public async Task Audit_WithInvalidPaging_Returns400ForEachParameter()
    {
        var response = await host.Admin.GetAsync("/api/audit?limit=0&before=-1", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["out_of_range"], problem.CodesFor("limit"));
        Assert.Equal(["out_of_range"], problem.CodesFor("before"));
    }

    [Fact]
    public async Task Audit_NamesTheKeyThatMadeTheChange()
    {
        using var secondary = host.Factory.CreateAdminClient(AdminKeys.Secondary);
        await secondary.PostAsync("/api/connectors", HttpJson.Body(LogtoConfigs.Connector("by-secondary", "Second", LogtoConfigs.GitHub())), Ct);
        await host.Admin.PostAsync("/api/connectors", HttpJson.Body(LogtoConfigs.Connector("by-primary", "First", LogtoConfigs.GitHub())), Ct);

        var events = (await (await host.Admin.GetAsync("/api/audit?limit=500", Ct)).ReadJsonAsync()).AsArray();

        string ActorOf(string target) => events.First(e => e!["target"]?.GetValue<string>() == target)!["actor"]!.GetValue<string>();
        Assert.NotEqual(ActorOf("by-primary"), ActorOf("by-secondary"));
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await host.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_events");
    }
}
