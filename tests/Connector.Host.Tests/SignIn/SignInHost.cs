using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Connector.Host.Tests.SignIn;

/// <summary>One test's world: its own database, a host on a fake clock, an upstream provider and a connector to it.</summary>
public sealed class SignInHost : IAsyncDisposable
{
    public const string ConnectorId = "acme";

    private SignInHost(TestDatabase database, FakeTimeProvider clock, HostFactory factory)
    {
        Database = database;
        Clock = clock;
        Factory = factory;
        Admin = factory.CreateAdminClient();
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public HostFactory Factory { get; }

    public HttpClient Admin { get; }

    /// <summary>The provider behind the connector: <c>/authorize</c> sends the browser back with a code; each test sets the rest.</summary>
    public FakeProvider Upstream { get; } = new();

    /// <param name="services">More test services, after the fake clock (an in-memory span exporter, say).</param>
    public static async Task<SignInHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var factory = new HostFactory(database.ConnectionString, settings, services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            services?.Invoke(s);
        });
        return new SignInHost(database, clock, factory);
    }

    /// <summary>Registers a connector to <see cref="Upstream"/> through the admin API.</summary>
    /// <param name="shape">Changes the request body before it is sent (a config field, a setting).</param>
    public async Task CreateConnectorAsync(
        string id = ConnectorId, string name = "Acme", JsonObject? profileMap = null, bool enabled = true, Action<JsonObject>? shape = null)
    {
        var body = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["enabled"] = enabled,
            ["config"] = new JsonObject
            {
                ["authorizationEndpoint"] = Upstream.AuthorizationEndpoint,
                ["tokenEndpoint"] = Upstream.TokenEndpoint,
                ["userInfoEndpoint"] = Upstream.UserInfoEndpoint,
                ["clientId"] = "acme-client",
                ["clientSecret"] = "acme-secret-value",
                ["scope"] = "openid profile",
                ["profileMap"] = profileMap ?? new JsonObject { ["id"] = "sub" },
            },
        };
        shape?.Invoke(body);
        using var response = await Admin.PostAsync("/api/connectors", HttpJson.Body(body.ToJsonString()), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    public Browser NewBrowser() => Factory.NewBrowser();

    public Task<long> CountAsync(string table) => Database.CountAsync($"SELECT count(*) FROM {table}");

    public Task<IReadOnlyList<string>> AuditOutcomesAsync(string action = "sign_in") =>
        Database.QueryAsync<string>("SELECT outcome FROM audit_events WHERE action = @Action ORDER BY id", new { Action = action });

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
        Upstream.Dispose();
        await Database.DisposeAsync();
    }
}
