using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Webhooks;
using Connector.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.Logging;

namespace Connector.Host.Tests.Webhooks;

/// <summary>
/// One test's world for webhooks: a database, a fake clock that every host started here shares (so a lease or a
/// backoff runs out when the test says), a receiver (WireMock) and a provider for sign-ins. Waiting is on the state of
/// the database or of the receiver, checked again whenever a delivery loop logs; the clock moves only when a test asks it to.
/// </summary>
public sealed class WebhookWorld : IAsyncDisposable
{
    public const string ReceiverPath = "/hook";
    public const string ConnectorId = "acme";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>The delivery loop's events (<c>WebhooksLog</c>): an outcome recorded (5201–5205) or nothing left to do now (5208).</summary>
    private const int IdleEventId = 5208;

    private static bool IsDeliveryLoop(LogRecord record) => record.EventId.Id is >= 5201 and <= IdleEventId;
    private readonly List<HostFactory> _hosts = [];

    private WebhookWorld(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Where the webhooks deliver; each test stubs <see cref="ReceiverPath"/>.</summary>
    public FakeProvider Receiver { get; } = new();

    public FakeProvider Upstream { get; } = new();

    public string ReceiverUrl => Receiver.Url + ReceiverPath;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<WebhookWorld> StartAsync() => new(await TestDatabase.CreateAsync());

    /// <summary>Another instance on the same database and clock.</summary>
    public HostFactory StartHost(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        // The delivery loop's outcomes and idle moments are Debug and Trace events: what UntilAsync wakes on.
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Logging:LogLevel:" + typeof(WebhookDispatcher).Namespace] = "Trace",
        };
        var host = new HostFactory(Database.ConnectionString, all, services: s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            services?.Invoke(s);
        });
        _hosts.Add(host);
        _ = host.Server; // started now, with its delivery loop
        return host;
    }

    /// <summary>Creates a webhook to the receiver through the admin API: its id and the signing key shown once.</summary>
    public static async Task<(Guid Id, string SigningKey)> CreateWebhookAsync(HttpClient admin, string url, params string[] events)
    {
        var body = new JsonObject { ["url"] = url, ["events"] = new JsonArray([.. events.Select(e => JsonValue.Create(e))]) };
        using var response = await admin.PostAsync("/api/webhooks", HttpJson.Body(body.ToJsonString()), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        return (created["id"]!.GetValue<Guid>(), created["signingKey"]!.GetValue<string>());
    }

    /// <summary>A connector to <see cref="Upstream"/>, which signs in <paramref name="userInfoJson"/>.</summary>
    public async Task CreateConnectorAsync(HttpClient admin, string userInfoJson)
    {
        Upstream.SignsIn(userInfoJson);
        var body = new JsonObject
        {
            ["id"] = ConnectorId,
            ["name"] = "Acme",
            ["config"] = new JsonObject
            {
                ["authorizationEndpoint"] = Upstream.AuthorizationEndpoint,
                ["tokenEndpoint"] = Upstream.TokenEndpoint,
                ["userInfoEndpoint"] = Upstream.UserInfoEndpoint,
                ["clientId"] = "acme-client",
                ["clientSecret"] = "acme-secret-value",
                ["profileMap"] = new JsonObject { ["id"] = "sub" },
            },
        };
        using var response = await admin.PostAsync("/api/connectors", HttpJson.Body(body.ToJsonString()), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>A change that raises <c>User.Updated</c>: the operator disables a seeded user.</summary>
    public async Task<Guid> DisableSeededUserAsync(HttpClient admin)
    {
        var userId = await Seed.UserWithIdentityAsync(Database, "seeded", "seeded-user", "Seeded");
        using var response = await admin.PatchAsync($"/api/users/{userId}", HttpJson.Body("""{"disabled":true}""", "application/merge-patch+json"), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {ErrorLogs()}");
        return userId;
    }

    /// <summary>What the hosts logged as errors, for a failure's message.</summary>
    public string ErrorLogs() => string.Join('\n', _hosts.SelectMany(host => host.Logs.Errors).Select(record => $"{record.Message} {record.Exception}"));

    public IReadOnlyList<ILogEntry> Deliveries() => Receiver.Requests(ReceiverPath);

    public Task<long> OutboxCountAsync() => Database.CountAsync("SELECT count(*) FROM webhook_outbox");

    public Task<IReadOnlyList<string>> LogOutcomesAsync() =>
        Database.QueryAsync<string>("SELECT outcome FROM webhook_deliveries ORDER BY id");

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, checking it again each time a host's delivery loop records an
    /// outcome or goes idle, and fails after a deadline. With <paramref name="advanceClock"/>, whenever a loop waits for
    /// a later time (a backoff, a lease, the next poll), the clock jumps to the earliest such wake-up, so time passes
    /// only as far as the next thing due.
    /// </summary>
    public async Task UntilAsync(Func<Task<bool>> condition, string what, bool advanceClock = false)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(Deadline);
        try
        {
            while (true)
            {
                using var round = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
                var next = Task.WhenAny(_hosts.Select(host => host.Logs.NextAsync(IsDeliveryLoop, round.Token)));
                if (await condition())
                {
                    return;
                }

                if (advanceClock && NextWakeUp() is { } wakeAt)
                {
                    Clock.SetUtcNow(wakeAt);
                    await round.CancelAsync();
                    continue;
                }

                await await next;
                await round.CancelAsync();
            }
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            Assert.Fail($"Not within {Deadline.TotalSeconds:F0} s: {what}\n{ErrorLogs()}");
        }
    }

    /// <summary>
    /// The earliest time, still ahead of the clock, until which a host's loop waits (its last loop event is the idle one).
    /// A stopped host's stale wake-up is passed once and then lies behind the clock.
    /// </summary>
    private DateTimeOffset? NextWakeUp() => _hosts
        .Select(host => host.Logs.Records.LastOrDefault(IsDeliveryLoop))
        .Where(record => record?.EventId.Id == IdleEventId)
        .Select(record => (DateTimeOffset)record!.Properties["WakeAt"]!)
        .Where(wakeAt => wakeAt > Clock.GetUtcNow())
        .Order()
        .Cast<DateTimeOffset?>()
        .FirstOrDefault();

    public Task UntilAsync(Func<bool> condition, string what, bool advanceClock = false) =>
        UntilAsync(() => Task.FromResult(condition()), what, advanceClock);

    /// <summary>What a receiver computes to check a delivery: lower-case hex HMAC-SHA256 of the raw body with the signing key.</summary>
    public static string ExpectedSignature(string signingKey, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(body)));

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        Receiver.Dispose();
        Upstream.Dispose();
        await Database.DisposeAsync();
    }
}
