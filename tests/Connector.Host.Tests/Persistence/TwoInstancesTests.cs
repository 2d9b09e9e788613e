using System.Net;
using Connector.Host.Connectors;
using Connector.Host.Persistence;
using Connector.Host.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Connector.Host.Tests.Persistence;

/// <summary>N stateless instances on one database (docs/architecture.md).</summary>
public sealed class TwoInstancesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConnectorWrittenThroughOneHost_IsReadAndDecryptedThroughAnother()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var first = new HostFactory(database.ConnectionString);
        await using var second = new HostFactory(database.ConnectionString);
        using var firstClient = first.CreateAdminClient();
        using var secondClient = second.CreateAdminClient();

        var created = await firstClient.PostAsync("/api/connectors",
            HttpJson.Body(LogtoConfigs.Connector("shared", "Shared", LogtoConfigs.GitHub("written-by-first"))), Ct);
        var read = await secondClient.GetAsync("/api/connectors/shared", Ct);
        var loaded = await second.Services.GetRequiredService<ConnectorConfigLoader>().LoadAsync("shared", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("Shared", (await read.ReadJsonAsync())["name"]!.GetValue<string>());
        Assert.Equal("written-by-first", loaded!.Config.ClientSecret);
    }

    [Fact]
    public async Task ConnectorPatchedThroughAnotherHost_KeepsTheSecretTheFirstWrote()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var first = new HostFactory(database.ConnectionString);
        await using var second = new HostFactory(database.ConnectionString);
        using var firstClient = first.CreateAdminClient();
        using var secondClient = second.CreateAdminClient();
        await firstClient.PostAsync("/api/connectors", HttpJson.Body(LogtoConfigs.Connector("cross", "Cross", LogtoConfigs.GitHub("first-secret"))), Ct);

        var patched = await secondClient.PatchAsync("/api/connectors/cross", HttpJson.Body("""{ "name": "Cross 2" }"""), Ct);
        var loaded = await first.Services.GetRequiredService<ConnectorConfigLoader>().LoadAsync("cross", Ct);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Cross 2", loaded!.Name);
        Assert.Equal("first-secret", loaded.Config.ClientSecret);
    }

    [Fact]
    public async Task TwoHostsStartingTogether_OnAFreshDatabase_BothComeUpAndApplyEachMigrationOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var first = new HostFactory(database.ConnectionString);
        await using var second = new HostFactory(database.ConnectionString);

        var clients = await Task.WhenAll(Task.Run(first.CreateClient, Ct), Task.Run(second.CreateClient, Ct));

        foreach (var client in clients)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz", Ct)).StatusCode);
            client.Dispose();
        }

        await using var connection = await database.OpenAsync();
        var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(new MigrationScripts().All.Select(script => script.Version), versions);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM data_protection_keys"));
    }
}
