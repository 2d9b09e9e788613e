using System.Net;
using Connector.Resilience.Tests.Infrastructure;

namespace Connector.Resilience.Tests.Faults;

/// <summary>
/// One database and host for a class of provider faults, with short outbound limits (1 s, 64 KiB) so a fault
/// shows quickly. Each test registers a connector of its own to a provider of its own.
/// </summary>
public sealed class FaultWorld(SharedCluster shared) : IAsyncLifetime
{
    public const int MaxResponseBytes = 64 * 1024;

    private int _connectors;

    public ResilienceHost Host { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await shared.Cluster.CreateDatabaseAsync();
        Host = new ResilienceHost(Database.ConnectionString, new Dictionary<string, string?>
        {
            ["Connectors:Outbound:TimeoutSeconds"] = "1",
            ["Connectors:Outbound:MaxResponseBytes"] = MaxResponseBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Admin = Host.CreateAdminClient();
    }

    /// <summary>A new connector whose endpoints are the provider's, but for the one at <paramref name="movedPath"/>, which is on <paramref name="movedTo"/>.</summary>
    public async Task<string> ConnectorAsync(string providerUrl, string? movedPath = null, string? movedTo = null)
    {
        var id = $"fault-{Interlocked.Increment(ref _connectors)}";
        string At(string path) => (path == movedPath ? movedTo : providerUrl) + path;
        await ConnectorSetup.CreateAsync(Admin, id, At(FakeProvider.AuthorizePath), At(FakeProvider.TokenPath), At(FakeProvider.UserInfoPath), Host.Log);
        return id;
    }

    /// <summary>The browser flow ended on the error page with the code; nothing but the audit event was written.</summary>
    public async Task AssertFailedAsync(HttpResponseMessage response, string connectorId, string code, HttpStatusCode status = HttpStatusCode.BadGateway)
    {
        var html = await Pages.AssertErrorPageAsync(response, status, code);
        Assert.DoesNotContain(FakeProvider.AccessToken, html, StringComparison.Ordinal);
        Assert.Equal(0, await Database.CountAsync($"SELECT count(*) FROM user_identities WHERE connector_id = '{connectorId}'"));
        Assert.Equal([code], await Database.QueryAsync<string>(
            $"SELECT outcome FROM audit_events WHERE action = 'sign_in' AND target = '{connectorId}' ORDER BY id"));
    }

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
