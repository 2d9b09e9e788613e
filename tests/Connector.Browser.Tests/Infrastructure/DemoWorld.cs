using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Connector.Testing.Database;

namespace Connector.Browser.Tests.Infrastructure;

/// <summary>
/// One test class's world: its own database, the host and the demo provider on loopback ports, and a connector
/// "Demo" to that provider registered through the admin API, the way scripts/run.sh --demo does it.
/// </summary>
public sealed class DemoWorld : IAsyncDisposable
{
    public const string ConnectorId = "demo";
    public const string ConnectorName = "Demo";

    private DemoWorld(TestDatabase database, LoopbackHost host, LoopbackDemoProvider provider)
    {
        Database = database;
        Host = host;
        Provider = provider;
    }

    public TestDatabase Database { get; }

    public LoopbackHost Host { get; }

    public LoopbackDemoProvider Provider { get; }

    public static async Task<DemoWorld> StartAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var host = new LoopbackHost(database.ConnectionString);
        host.StartServer();
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var provider = new LoopbackDemoProvider(ConnectorId, secret, $"{host.Origin}/callback/{ConnectorId}");
        provider.Start();
        var world = new DemoWorld(database, host, provider);
        await world.RegisterConnectorAsync(secret);
        return world;
    }

    private async Task RegisterConnectorAsync(string secret)
    {
        var body = new JsonObject
        {
            ["id"] = ConnectorId,
            ["name"] = ConnectorName,
            ["config"] = new JsonObject
            {
                ["authorizationEndpoint"] = Provider.Origin + "/authorize",
                ["tokenEndpoint"] = Provider.Origin + "/token",
                ["userInfoEndpoint"] = Provider.Origin + "/userinfo",
                ["clientId"] = ConnectorId,
                ["clientSecret"] = secret,
                ["scope"] = "profile email",
                ["profileMap"] = new JsonObject { ["id"] = "sub", ["name"] = "name", ["avatar"] = "picture", ["email"] = "email", ["emailVerified"] = "email_verified" },
            },
        };
        await Host.RegisterConnectorAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
