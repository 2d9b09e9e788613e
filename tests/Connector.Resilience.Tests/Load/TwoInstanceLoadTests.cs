using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Connector.Resilience.Tests.Infrastructure;

namespace Connector.Resilience.Tests.Load;

/// <summary>
/// Two host instances on one database take 10,000 sign-ins for 5,000 subjects at random concurrency, each flow
/// started on one instance and finished on either: exactly one user and identity per subject, each holding the
/// latest profile sent, and no error but the injected ones.
/// </summary>
public sealed class TwoInstanceLoadTests(SharedCluster shared)
{
    private const int Seed = 20_260_608;
    private const int Subjects = 5_000;
    private const int SignIns = 10_000;
    private const int MaxConcurrency = 64;
    private const double FailureRate = 0.02;
    private const string ConnectorId = "load";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenThousandSignInsForFiveThousandSubjects_OnTwoInstances_LeaveOneUserAndIdentityEach_WithTheLatestProfile()
    {
        await using var database = await shared.Cluster.CreateDatabaseAsync();
        using var provider = new ScriptedProvider();
        await using var first = new ResilienceHost(database.ConnectionString);
        using (var admin = first.CreateAdminClient())
        {
            await ConnectorSetup.CreateAsync(admin, ConnectorId, provider.Url + "/authorize", provider.Url + "/token", provider.Url + "/userinfo", first.Log);
        }

        await using var second = new ResilienceHost(database.ConnectionString);
        ResilienceHost[] instances = [first, second];
        var plan = LoadPlan.Create(Seed, Subjects, SignIns, MaxConcurrency, FailureRate, instances.Length);
        var errors = new ConcurrentQueue<string>();
        var lastCompleted = new ConcurrentDictionary<string, int>();

        var clock = Stopwatch.StartNew();
        foreach (var batch in plan.Batches)
        {
            await Task.WhenAll(batch.Select(signIn => RunAsync(instances, signIn, errors, lastCompleted)));
        }

        clock.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{SignIns} sign-ins in {plan.Batches.Count} batches took {clock.Elapsed.TotalSeconds:F1} s ({SignIns / clock.Elapsed.TotalSeconds:F0}/s)");

        Assert.True(errors.IsEmpty, $"{errors.Count} unexpected outcomes, e.g.:\n{string.Join("\n", errors.Take(10))}");
        Assert.Equal(Subjects, await database.CountAsync("SELECT count(*) FROM users"));
        Assert.Equal(Subjects, await database.CountAsync("SELECT count(*) FROM user_identities"));
        Assert.Equal(0, await database.PartialRowsAsync());

        var expected = plan.LatestSuccessful();
        Assert.Equal(expected, lastCompleted.ToDictionary());
        var stored = (await database.QueryAsync<(string Subject, string Name, string RawName)>(
            $"SELECT subject, profile->>'name', raw_profile->>'name' FROM user_identities WHERE connector_id = '{ConnectorId}'"))
            .ToDictionary(row => row.Subject);
        var stale = expected.Where(pair => !stored.TryGetValue(pair.Key, out var row)
                || row.Name != ScriptedProvider.Name(pair.Key, pair.Value) || row.RawName != row.Name)
            .Select(pair => $"{pair.Key}: expected v{pair.Value}, stored '{(stored.TryGetValue(pair.Key, out var row) ? row.Name : "nothing")}'")
            .ToList();
        Assert.True(stale.Count == 0, $"{stale.Count} identities do not hold the latest profile, e.g.:\n{string.Join("\n", stale.Take(10))}");

        var injected = plan.All.Count(signIn => signIn.InjectedFailure);
        var outcomes = (await database.QueryAsync<(string Outcome, long Count)>(
            "SELECT outcome, count(*) FROM audit_events WHERE action = 'sign_in' GROUP BY outcome")).ToDictionary(row => row.Outcome, row => row.Count);
        Assert.Equal(new Dictionary<string, long> { ["success"] = SignIns - injected, ["token_exchange_failed"] = injected }, outcomes);
        Assert.Empty(first.Log.Errors);
        Assert.Empty(second.Log.Errors);
    }

    private static async Task RunAsync(ResilienceHost[] instances, PlannedSignIn signIn, ConcurrentQueue<string> errors, ConcurrentDictionary<string, int> lastCompleted)
    {
        var what = $"{signIn.Subject} v{signIn.Version} ({signIn.StartOn}→{signIn.CallbackOn})";
        try
        {
            using var browser = new Browser(instances.Select(instance => instance.Server.CreateHandler()));
            var start = await browser.StartAsync(ConnectorId, instance: signIn.StartOn);
            var callback = await Browser.AtProviderAsync(ScriptedProvider.As(start, signIn.Subject, signIn.Version, signIn.InjectedFailure));
            using var response = await browser.GetAsync(callback, signIn.CallbackOn);
            var expected = signIn.InjectedFailure ? HttpStatusCode.BadGateway : HttpStatusCode.Redirect;
            if (response.StatusCode != expected)
            {
                errors.Enqueue($"{what}: {(int)response.StatusCode}");
            }
            else if (!signIn.InjectedFailure)
            {
                if (!browser.HasCookie("connectors.session"))
                {
                    errors.Enqueue($"{what}: no session cookie");
                }

                lastCompleted[signIn.Subject] = signIn.Version;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !Ct.IsCancellationRequested)
        {
            errors.Enqueue($"{what}: {exception.GetType().Name}: {exception.Message}");
        }
    }
}
