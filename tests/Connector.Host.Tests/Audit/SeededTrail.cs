using Connector.Host.Tests.Infrastructure;
using Dapper;

namespace Connector.Host.Tests.Audit;

/// <summary>An audit event written straight into the test database, as the host would have appended it.</summary>
public sealed record SeededEvent(long Id, DateTimeOffset At, string Actor, string Action, string Target, string Outcome);

/// <summary>
/// A host whose audit trail holds 40 known events over the ten days before yesterday, in every mix of action, actor,
/// target and outcome, plus two appended late with earlier times (a slow instance's clock): tests compute what a
/// filter should find from <see cref="Events"/> and compare it with what the host answers.
/// </summary>
public sealed class SeededTrail : IAsyncLifetime
{
    public const string UserActor = "user:0190f3a4-0000-7000-8000-00000000000a";
    public const string KeyActor = "admin-key:1a2b3c4d";

    private const string InsertSql = """
        INSERT INTO audit_events (occurred_at, actor, action, target, outcome, details)
        VALUES (@At, @Actor, @Action, @Target, @Outcome, @Details::jsonb)
        RETURNING id
        """;

    private static readonly string[] Actions = ["sign_in", "connector.updated", "User.Updated"];
    private static readonly string[] Targets = ["github", "acme", "0190f3a4-0000-7000-8000-00000000000b", "google"];
    private static readonly string[] Actors = [UserActor, KeyActor, "anonymous"];

    private readonly List<SeededEvent> _events = [];

    public HostFixture Host { get; } = new();

    /// <summary>Yesterday at noon UTC, to the hour: every seeded event is before it, every event a test makes after it.</summary>
    public DateTimeOffset End { get; } = new(DateTime.UtcNow.Date.AddHours(-12), TimeSpan.Zero);

    /// <summary>Every seeded event, in the order they were appended.</summary>
    public IReadOnlyList<SeededEvent> Events => _events;

    /// <summary>The seeded events, as the audit lists them: newest first by time, then id.</summary>
    public IReadOnlyList<SeededEvent> NewestFirst => [.. _events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)];

    public async ValueTask InitializeAsync()
    {
        await Host.InitializeAsync();
        await using var connection = await Host.Database.OpenAsync();
        for (var i = 0; i < 40; i++)
        {
            var outcome = i % 5 == 0 ? "token_exchange_failed" : i % 7 == 0 ? "provider_timeout" : "success";
            await AppendAsync(connection, End.AddHours(-6 * (40 - i)), Actors[i % 3], Actions[i / 2 % 3], Targets[i % 4], outcome);
        }

        // Appended last, yet older than most: the list goes by time.
        await AppendAsync(connection, End.AddDays(-9), KeyActor, "connector.updated", "github", "success");
        await AppendAsync(connection, End.AddDays(-5).AddMinutes(30), UserActor, "sign_in", "acme", "provider_timeout");
    }

    /// <summary>The seeded events that <paramref name="filter"/> keeps, newest first.</summary>
    public IReadOnlyList<long> Matching(Func<SeededEvent, bool> filter) => [.. NewestFirst.Where(filter).Select(e => e.Id)];

    private async Task AppendAsync(System.Data.IDbConnection connection, DateTimeOffset at, string actor, string action, string target, string outcome)
    {
        var details = outcome == "success" ? """{"changed":["name"]}""" : """{"providerStatus":502}""";
        var id = await connection.ExecuteScalarAsync<long>(InsertSql, new { At = at, Actor = actor, Action = action, Target = target, Outcome = outcome, Details = details });
        _events.Add(new SeededEvent(id, at, actor, action, target, outcome));
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
