using Dapper;

namespace Connector.Host.Audit;

/// <summary>The trail summed up for the console: outcomes per UTC day, and an actor's last success per target.</summary>
internal sealed partial class AuditStore
{
    // Read from the (action, occurred_at) index alone, target and outcome included in it: 14 days of sign-ins are
    // counted without visiting the table.
    private const string DailySql = """
        SELECT (occurred_at AT TIME ZONE 'UTC')::date AS Day, target AS Target, outcome AS Outcome, count(*) AS Count
        FROM audit_events
        WHERE action = @Action AND occurred_at >= @From AND occurred_at < @To AND target IS NOT NULL
        GROUP BY 1, 2, 3
        """;

    private const string LastSuccessOfActorSql = """
        SELECT target AS Target, max(occurred_at) AS LastSucceededAt
        FROM audit_events
        WHERE actor = @Actor AND action = @Action AND outcome = @Success AND target IS NOT NULL
        GROUP BY target
        """;

    /// <summary>
    /// Per UTC day from <paramref name="firstDay"/> to <paramref name="lastDay"/> (both included), per target and
    /// outcome, how many <paramref name="action"/> events there were; days, targets and outcomes without any are absent.
    /// </summary>
    public async Task<IReadOnlyList<AuditDailyCount>> DailyOutcomesAsync(string action, DateOnly firstDay, DateOnly lastDay, CancellationToken ct)
    {
        var from = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(DateTime Day, string Target, string Outcome, long Count)>(new CommandDefinition(DailySql,
            new { Action = action, From = from, To = to }, cancellationToken: ct));
        return [.. rows.Select(row => new AuditDailyCount(DateOnly.FromDateTime(row.Day), row.Target, row.Outcome, row.Count))];
    }

    /// <summary>When <paramref name="actor"/> last had a successful <paramref name="action"/>, per target (targets without one are absent).</summary>
    public async Task<IReadOnlyDictionary<string, DateTime>> LastSuccessOfActorAsync(string action, string actor, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string Target, DateTime LastSucceededAt)>(new CommandDefinition(LastSuccessOfActorSql,
            new { Action = action, Actor = actor, Success = AuditOutcomes.Success }, cancellationToken: ct));
        return rows.ToDictionary(row => row.Target, row => row.LastSucceededAt, StringComparer.Ordinal);
    }
}
