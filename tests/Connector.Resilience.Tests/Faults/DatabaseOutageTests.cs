using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Connector.Resilience.Tests.Infrastructure;

namespace Connector.Resilience.Tests.Faults;

/// <summary>
/// PostgreSQL stopped under load and started again, on a cluster of this class's own: clean 503s while it is
/// down (a page for the browser, a problem for the API, 503 from /readyz), recovery without restarting the
/// host, and no half-written user.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const string ConnectorId = "steady";
    private const int Workers = 8;
    private const int MaxSignInsPerWorker = 500;

    private readonly SemaphoreSlim _recorded = new(0);
    private PostgresCluster _cluster = null!;
    private ScriptedProvider _provider = null!;
    private ResilienceHost _host = null!;
    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await PostgresCluster.StartNewAsync();
        _database = await _cluster.CreateDatabaseAsync();
        _provider = new ScriptedProvider();
        _host = new ResilienceHost(_database.ConnectionString);
        using var admin = _host.CreateAdminClient();
        await ConnectorSetup.CreateAsync(admin, ConnectorId, _provider.Url + "/authorize", _provider.Url + "/token", _provider.Url + "/userinfo", _host.Log);
    }

    public async ValueTask DisposeAsync()
    {
        _recorded.Dispose();
        await _host.DisposeAsync();
        _provider.Dispose();
        await _cluster.DisposeAsync(); // the database goes with its cluster
    }

    [Fact]
    public async Task PostgresStoppedMidLoad_Answers503Cleanly_ThenRecoversWithoutARestart_AndLeavesNoPartialRows()
    {
        var outcomes = new ConcurrentQueue<Outcome>();
        using var stopLoad = new CancellationTokenSource();
        var load = Enumerable.Range(0, Workers).Select(worker => Task.Run(() => SignInLoopAsync(worker, outcomes, stopLoad.Token), Ct)).ToArray();
        await WaitUntilAsync(() => outcomes.Count(o => o.Status == HttpStatusCode.Redirect) >= 100, "100 sign-ins under load before the outage");
        using var acrossTheOutage = _host.NewBrowser();
        var parkedCallback = await ProviderCallbackAsync(acrossTheOutage, "across-the-outage", 1);

        await _cluster.StopAsync();
        var failuresBefore = outcomes.Count(o => o.Status != HttpStatusCode.Redirect);

        using var client = _host.CreateClient();
        using var admin = _host.CreateAdminClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz", Ct)).StatusCode);
        using (var page = await client.GetAsync("/sign-in", Ct))
        {
            await Pages.AssertErrorPageAsync(page, HttpStatusCode.ServiceUnavailable, "database_unavailable");
        }

        using (var start = await client.GetAsync($"/sign-in/{ConnectorId}", Ct))
        {
            await Pages.AssertErrorPageAsync(start, HttpStatusCode.ServiceUnavailable, "database_unavailable");
        }

        using (var problem = await admin.GetAsync("/api/connectors", Ct))
        {
            var body = await problem.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, problem.StatusCode);
            Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
            Assert.Equal("database_unavailable", JsonNode.Parse(body)!["code"]!.GetValue<string>());
            Pages.AssertNoExceptionText(body);
        }

        await WaitUntilAsync(() => outcomes.Count(o => o.Status != HttpStatusCode.Redirect) >= failuresBefore + 50, "50 sign-ins failing during the outage");

        await _cluster.StartAsync();
        await WaitUntilReadyAsync(client);
        var recovered = Stopwatch.GetTimestamp();
        await WaitUntilAsync(() => outcomes.Count(o => o.StartedAt > recovered && o.Status == HttpStatusCode.Redirect) >= 100, "100 sign-ins under load after the outage");
        await stopLoad.CancelAsync();
        await Task.WhenAll(load);

        // Begun before the outage, finished after it: the state survived in the database.
        using (var finished = await acrossTheOutage.GetAsync(parkedCallback))
        {
            Assert.Equal(HttpStatusCode.Redirect, finished.StatusCode);
        }

        var all = outcomes.ToList();
        Assert.All(all, o => Assert.True(
            o.Status == HttpStatusCode.Redirect || (o.Status == HttpStatusCode.ServiceUnavailable && o.Code == "database_unavailable" && o.Clean),
            $"{o.Step}: {(int)o.Status} {o.Code}"));
        // Begun once /readyz said 200: every one succeeds, on the same host, with no restart.
        Assert.Empty(all.Where(o => o.StartedAt > recovered && o.Status != HttpStatusCode.Redirect).Select(o => $"{o.Step}: {(int)o.Status}"));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", all.GroupBy(o => $"{o.Step} {(int)o.Status}").Select(g => $"{g.Key}: {g.Count()}")));
        Assert.Equal(0, await _database.PartialRowsAsync());
        var signedIn = all.Where(o => o.Status == HttpStatusCode.Redirect).Select(o => o.Subject).Append("across-the-outage").ToHashSet();
        var stored = (await _database.QueryAsync<string>($"SELECT subject FROM user_identities WHERE connector_id = '{ConnectorId}'")).ToHashSet();
        Assert.Superset(signedIn, stored);
        Assert.Equal(await _database.CountAsync("SELECT count(*) FROM users"), stored.Count);
    }

    [Fact]
    public async Task PostgresRestartedUnderAWarmPool_EverySignInAfterReadyzSucceeds()
    {
        // Forty at once leave up to forty idle pooled connections, each killed by the restart.
        Assert.All(await Task.WhenAll(Enumerable.Range(0, 40).Select(i => SignInAsync($"warm-{i}", 1))), o => Assert.Equal(HttpStatusCode.Redirect, o.Status));
        using var client = _host.CreateClient();

        await _cluster.StopAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz", Ct)).StatusCode);
        await _cluster.StartAsync();
        await WaitUntilReadyAsync(client);
        var after = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => SignInAsync($"warm-{i}", 2)));

        Assert.All(after, o => Assert.Equal(HttpStatusCode.Redirect, o.Status));
        Assert.Equal(40, await _database.CountAsync("SELECT count(*) FROM user_identities WHERE profile->>'name' LIKE '% v2'"));
        Assert.Equal(0, await _database.PartialRowsAsync());
    }

    private async Task SignInLoopAsync(int worker, ConcurrentQueue<Outcome> outcomes, CancellationToken stop)
    {
        for (var i = 0; i < MaxSignInsPerWorker && !stop.IsCancellationRequested; i++)
        {
            // Subjects repeat, so the load both creates users and updates identities.
            var subject = $"w{worker}-s{i % 40}";
            outcomes.Enqueue(await SignInAsync(subject, i));
            _recorded.Release();
        }
    }

    private async Task<Outcome> SignInAsync(string subject, int version)
    {
        var startedAt = Stopwatch.GetTimestamp();
        using var browser = _host.NewBrowser();
        using var start = await browser.GetAsync($"/sign-in/{ConnectorId}");
        if (start.StatusCode != HttpStatusCode.Redirect)
        {
            return await Outcome.FromAsync("start", subject, startedAt, start);
        }

        var callback = await Browser.AtProviderAsync(ScriptedProvider.As(start.Headers.Location!, subject, version));
        using var end = await browser.GetAsync(callback);
        return await Outcome.FromAsync("callback", subject, startedAt, end);
    }

    private static async Task<string> ProviderCallbackAsync(Browser browser, string subject, int version)
    {
        var start = await browser.StartAsync(ConnectorId);
        return await Browser.AtProviderAsync(ScriptedProvider.As(start, subject, version));
    }

    /// <summary>Waits for the load to reach a state: re-checked after each recorded outcome, never on a clock.</summary>
    private async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        while (!condition())
        {
            // Bounded: no outcome for 30 s means the load is stuck, which fails the test rather than hanging it.
            Assert.True(await _recorded.WaitAsync(TimeSpan.FromSeconds(30), Ct), $"Timed out waiting for {what}.");
        }
    }

    /// <summary>Asks /readyz until it answers 200; each try is a real request to the host, bounded in count.</summary>
    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 5000; attempt++)
        {
            using var response = await client.GetAsync("/readyz", Ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
        }

        Assert.Fail("/readyz did not answer 200 after PostgreSQL was back.");
    }

    /// <summary>One sign-in under load: where it ended, how, and when it began (<see cref="Stopwatch"/> ticks).</summary>
    private sealed record Outcome(string Step, string Subject, long StartedAt, HttpStatusCode Status, string? Code, bool Clean)
    {
        public static async Task<Outcome> FromAsync(string step, string subject, long startedAt, HttpResponseMessage response)
        {
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                return new Outcome(step, subject, startedAt, response.StatusCode, null, true);
            }

            var body = await response.Content.ReadAsStringAsync(Ct);
            var code = body.Contains("<code>database_unavailable</code>", StringComparison.Ordinal) ? "database_unavailable" : null;
            var clean = response.Content.Headers.ContentType?.MediaType == "text/html"
                && !body.Contains("Exception", StringComparison.Ordinal) && !body.Contains("Npgsql", StringComparison.Ordinal);
            return new Outcome(step, subject, startedAt, response.StatusCode, code, clean);
        }
    }
}
