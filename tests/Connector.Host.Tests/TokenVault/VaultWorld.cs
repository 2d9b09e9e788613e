using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.TokenVault;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Connector.Host.Tests.TokenVault;

/// <summary>
/// One test's world for the token vault: a database, a fake clock every host started here shares (so a token expires
/// when the test says), and the provider behind the connector. Hosts are instances on the same database, as behind a
/// load balancer.
/// </summary>
public sealed class VaultWorld : IAsyncDisposable
{
    public const string ConnectorId = "vault";
    public const string AccessToken = "vault-access-token-1";
    public const string RefreshToken = "vault-refresh-token-1";
    public const string IdToken = "vault-id-token-1";
    public const string Subject = "vault-subject-1";

    /// <summary>The provider's first answer: a token for ten minutes, a refresh token and an ID token.</summary>
    public const string SignInTokenJson = $$"""
        {"access_token":"{{AccessToken}}","token_type":"Bearer","expires_in":600,"refresh_token":"{{RefreshToken}}","scope":"read:user repo","id_token":"{{IdToken}}"}
        """;

    private readonly List<HostFactory> _hosts = [];
    private HttpClient? _admin;

    private VaultWorld(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public FakeProvider Upstream { get; } = new();

    /// <summary>Counts the vault's "taking the refresh lock" events on every host.</summary>
    public EventCounter LockEvents { get; } = new(5405);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<VaultWorld> StartAsync() => new(await TestDatabase.CreateAsync());

    /// <summary>A world with one host, its connector (keeping tokens or not) and one user signed in through it.</summary>
    public static async Task<VaultWorld> WithUserAsync(bool enableTokenStorage = true)
    {
        var world = await StartAsync();
        var host = world.StartHost();
        await world.CreateConnectorAsync(world.Admin, enableTokenStorage);
        world.UserId = await world.SignInAsync(host);
        return world;
    }

    /// <summary>The first host started.</summary>
    public HostFactory Host => _hosts[0];

    /// <summary>An admin client of <see cref="Host"/>.</summary>
    public HttpClient Admin => _admin ??= Host.CreateAdminClient();

    /// <summary>The user <see cref="WithUserAsync"/> signed in.</summary>
    public Guid UserId { get; private set; }

    /// <summary>Another instance on the same database and clock.</summary>
    public HostFactory StartHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new HostFactory(Database.ConnectionString, settings, services: services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILoggerProvider>(LockEvents);
        });
        _hosts.Add(host);
        return host;
    }

    /// <summary>A connector to <see cref="Upstream"/>, keeping tokens or not.</summary>
    public async Task CreateConnectorAsync(HttpClient admin, bool enableTokenStorage)
    {
        var body = new JsonObject
        {
            ["id"] = ConnectorId,
            ["name"] = "Vault",
            ["enableTokenStorage"] = enableTokenStorage,
            ["config"] = new JsonObject
            {
                ["authorizationEndpoint"] = Upstream.AuthorizationEndpoint,
                ["tokenEndpoint"] = Upstream.TokenEndpoint,
                ["userInfoEndpoint"] = Upstream.UserInfoEndpoint,
                ["clientId"] = "vault-client",
                ["clientSecret"] = "vault-client-secret",
                ["scope"] = "read:user repo",
                ["profileMap"] = new JsonObject { ["id"] = "sub" },
            },
        };
        using var response = await admin.PostAsync("/api/connectors", HttpJson.Body(body.ToJsonString()), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>The whole browser sign-in on <paramref name="host"/>, the provider answering <paramref name="tokenJson"/>: the user's id.</summary>
    public async Task<Guid> SignInAsync(HostFactory host, string tokenJson = SignInTokenJson)
    {
        Upstream.OnTokenJson(tokenJson);
        Upstream.OnUserInfoJson($$"""{"sub":"{{Subject}}","name":"Ada"}""");
        using var browser = host.NewBrowser();
        using var callback = await browser.SignInAsync(ConnectorId);
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"{callback.StatusCode}: {await callback.Content.ReadAsStringAsync(Ct)}");
        return (await Database.QueryAsync<Guid>("SELECT user_id FROM user_identities WHERE subject = @Subject", new { Subject })).Single();
    }

    public static Task<HttpResponseMessage> AccessTokenAsync(HttpClient admin, Guid userId, string connectorId = ConnectorId) =>
        admin.GetAsync($"/api/users/{userId}/identities/{connectorId}/access-token", Ct);

    /// <summary>The refresh-grant requests the provider got.</summary>
    public IReadOnlyList<Dictionary<string, string>> RefreshRequests() =>
        [.. Upstream.Requests(FakeProvider.TokenPath).Select(entry => entry.Form()).Where(form => form["grant_type"] == "refresh_token")];

    /// <summary>The stored row, every column as text: what someone reading the database sees.</summary>
    public async Task<string?> StoredRowTextAsync() =>
        (await Database.QueryAsync<string>("SELECT row_to_json(t)::text FROM identity_tokens t")).SingleOrDefault();

    /// <summary>The stored refresh token, decrypted as the host does.</summary>
    public async Task<string?> StoredRefreshTokenAsync(HostFactory host)
    {
        var row = (await Database.QueryAsync<(long IdentityId, string? Protected)>(
            "SELECT identity_id, refresh_token_protected FROM identity_tokens")).Single();
        return row.Protected is null
            ? null
            : host.Services.GetRequiredService<IdentityTokenProtector>().Unprotect(row.IdentityId, IdentityTokenKinds.Refresh, row.Protected);
    }

    public Task<long> StoredRowsAsync() => Database.CountAsync("SELECT count(*) FROM identity_tokens");

    /// <summary>Everything every host logged, to look for token values in.</summary>
    public string AllLogs() => string.Join('\n', _hosts.Select(host => host.Logs.AllText));

    public async ValueTask DisposeAsync()
    {
        _admin?.Dispose();
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        Upstream.Dispose();
        await Database.DisposeAsync();
    }
}
