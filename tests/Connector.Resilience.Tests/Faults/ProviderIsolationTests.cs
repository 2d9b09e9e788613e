using System.Net;
using Connector.Resilience.Tests.Infrastructure;

namespace Connector.Resilience.Tests.Faults;

/// <summary>
/// A provider that stops answering holds only its own sign-ins: while 150 callbacks wait on it (more than the
/// database pool's 100 connections, so a callback holding a connection across the provider call would starve
/// everyone), sign-ins through another connector complete. No clock is read: the stuck provider answers only
/// when the test releases it, so "the healthy ones finished first" is a fact, not a race.
/// </summary>
public sealed class ProviderIsolationTests(SharedCluster shared) : IAsyncLifetime
{
    private const int Stuck = 150;
    private const int Healthy = 100;

    private ScriptedProvider _stuckProvider = null!;
    private ScriptedProvider _healthyProvider = null!;
    private TestDatabase _database = null!;
    private ResilienceHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await shared.Cluster.CreateDatabaseAsync();
        _stuckProvider = new ScriptedProvider();
        _healthyProvider = new ScriptedProvider();
        // Longer than the test holds the stuck provider: its sign-ins are to wait, not to time out.
        _host = new ResilienceHost(_database.ConnectionString, new Dictionary<string, string?> { ["Connectors:Outbound:TimeoutSeconds"] = "60" });
        using var admin = _host.CreateAdminClient();
        await ConnectorSetup.CreateAsync(admin, "stuck", _stuckProvider.Url + "/authorize", _stuckProvider.Url + ScriptedProvider.HeldTokenPath, _stuckProvider.Url + "/userinfo", _host.Log);
        await ConnectorSetup.CreateAsync(admin, "healthy", _healthyProvider.Url + "/authorize", _healthyProvider.Url + "/token", _healthyProvider.Url + "/userinfo", _host.Log);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _stuckProvider.Dispose();
        _healthyProvider.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ProviderThatStopsAnswering_DoesNotHoldUpSignInsThroughAnotherConnector()
    {
        var stuck = Enumerable.Range(0, Stuck).Select(i => SignInAsync("stuck", $"stuck-{i}")).ToList();
        await WaitUntilHeldAsync();

        var healthy = new List<HttpStatusCode>();
        for (var batch = 0; batch < Healthy / 20; batch++)
        {
            healthy.AddRange(await Task.WhenAll(Enumerable.Range(batch * 20, 20).Select(i => SignInAsync("healthy", $"healthy-{i}")))
                .WaitAsync(TimeSpan.FromSeconds(30), Ct));
        }

        var stuckStillWaiting = stuck.Count(task => !task.IsCompleted);
        _stuckProvider.Held.Release();
        var stuckResults = await Task.WhenAll(stuck).WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.All(healthy, status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(Stuck, stuckStillWaiting);
        // Released, the stuck provider's sign-ins complete too: waiting harmed none of them.
        Assert.All(stuckResults, status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Empty(_host.Log.Errors);
    }

    private async Task<HttpStatusCode> SignInAsync(string connectorId, string subject)
    {
        using var browser = _host.NewBrowser();
        var start = await browser.StartAsync(connectorId);
        var callback = await Browser.AtProviderAsync(ScriptedProvider.As(start, subject, 1));
        using var response = await browser.GetAsync(callback);
        return response.StatusCode;
    }

    /// <summary>Every stuck callback has reached the provider's token endpoint (an event, bounded so a regression fails, never hangs).</summary>
    private async Task WaitUntilHeldAsync()
    {
        await _stuckProvider.Held.ArrivalOf(Stuck);
        Assert.Equal(Stuck, _stuckProvider.Held.Waiting);
    }
}
