using Dapper;

namespace Connector.Host.Audit;

/// <summary>
/// The trail as an operator reads it: newest first (by time, then id), narrowed by exact filters and a time range,
/// a page at a time by keyset. Each filter is one indexed equality with the time range and the keyset beside it on
/// the same index (<c>db/migrations/0015_audit_queries.sql</c>), so a page costs the same however deep or narrow.
/// </summary>
internal sealed partial class AuditStore
{
    private const string ListSelect = """
        SELECT id AS Id, occurred_at AS OccurredAt, actor AS Actor, action AS Action, target AS Target,
               outcome AS Outcome, details::text AS Details
        FROM audit_events
        """;

    private const string ListOrder = "ORDER BY occurred_at DESC, id DESC LIMIT @Limit";

    // The conditions, each added only when its filter is set: a plan never carries "@x IS NULL OR …" branches.
    private const string ActionIs = "action = @Action";
    private const string ActorIs = "actor = @Actor";
    private const string TargetIs = "target = @Target";
    private const string OutcomeIs = "outcome = @Outcome";
    private const string FromOn = "occurred_at >= @From";
    private const string ToBefore = "occurred_at < @To";

    // Older than the event the previous page ended with, in the list's own order. An event the retention already
    // deleted had only older (deleted) events after it: -infinity, nothing more.
    private const string OlderThanBefore =
        "(occurred_at, id) < (coalesce((SELECT occurred_at FROM audit_events WHERE id = @Before), '-infinity'), @Before)";

    // The distinct values of an indexed column without reading every row: one index probe per value ("loose index
    // scan", https://wiki.postgresql.org/wiki/Loose_indexscan). There are tens of actions and outcomes, not millions.
    private const string ActionsSql = """
        WITH RECURSIVE seen(value) AS (
            (SELECT action FROM audit_events ORDER BY action LIMIT 1)
            UNION ALL
            SELECT (SELECT action FROM audit_events WHERE action > seen.value ORDER BY action LIMIT 1) FROM seen WHERE seen.value IS NOT NULL)
        SELECT value FROM seen WHERE value IS NOT NULL
        """;

    private const string OutcomesOfSql = """
        WITH RECURSIVE seen(value) AS (
            (SELECT outcome FROM audit_events ORDER BY outcome LIMIT 1)
            UNION ALL
            SELECT (SELECT outcome FROM audit_events WHERE outcome > seen.value ORDER BY outcome LIMIT 1) FROM seen WHERE seen.value IS NOT NULL)
        SELECT value FROM seen WHERE value IS NOT NULL
        """;

    /// <summary>A page of the events <paramref name="query"/> asks for, newest first.</summary>
    public async Task<IReadOnlyList<AuditRow>> ListAsync(AuditQuery query, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(ListSql(query), new
        {
            query.Action,
            query.Actor,
            query.Target,
            query.Outcome,
            From = query.From?.ToUniversalTime(),
            To = query.To?.ToUniversalTime(),
            query.Before,
            query.Limit,
        }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Every action the trail holds, in order (for a filter's choices).</summary>
    public Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct) => ValuesAsync(ActionsSql, ct);

    /// <summary>Every outcome the trail holds, in order: <c>success</c> and the error codes that occurred.</summary>
    public Task<IReadOnlyList<string>> OutcomesAsync(CancellationToken ct) => ValuesAsync(OutcomesOfSql, ct);

    private async Task<IReadOnlyList<string>> ValuesAsync(string sql, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }

    private static string ListSql(AuditQuery query)
    {
        (bool Set, string Condition)[] conditions =
        [
            (query.Action is not null, ActionIs),
            (query.Actor is not null, ActorIs),
            (query.Target is not null, TargetIs),
            (query.Outcome is not null, OutcomeIs),
            (query.From is not null, FromOn),
            (query.To is not null, ToBefore),
            (query.Before is not null, OlderThanBefore),
        ];
        var where = conditions.Where(condition => condition.Set).Select(condition => condition.Condition).ToList();
        return where.Count == 0
            ? $"{ListSelect}\n{ListOrder}"
            : $"{ListSelect}\nWHERE {string.Join(" AND ", where)}\n{ListOrder}";
    }
}
