using Connector.Host.Persistence;
using Dapper;
using Npgsql;

namespace Connector.Host.Audit;

/// <summary>
/// The audit trail: appended inside the transaction of the change it records, read newest first with filters
/// (<c>AuditStore.Queries.cs</c>), summed up per day and per target for the console (<c>AuditStore.Summaries.cs</c>)
/// and trimmed to the retention (<c>AuditStore.Retention.cs</c>).
/// </summary>
internal sealed partial class AuditStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The head of every append, the columns in <see cref="AuditEntry"/>'s order; a VALUES or a SELECT follows. Another
    /// store's statement ends with it when only that statement knows a column: the returning sign-in's actor is the
    /// user its statement finds.
    /// </summary>
    public const string AppendHead = "INSERT INTO audit_events (occurred_at, actor, action, target, outcome, details)";

    // Positional (Persistence/Positional.cs), so Npgsql sends it unparsed; a new user's insert carries it in its own round trip.
    private const string AppendSql = $"{AppendHead} SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])";

    private const string OutcomesSql = """
        SELECT target AS Target,
               count(*) FILTER (WHERE outcome = @Success) AS Succeeded,
               count(*) FILTER (WHERE outcome <> @Success) AS Failed,
               max(occurred_at) FILTER (WHERE outcome = @Success) AS LastSucceededAt
        FROM audit_events
        WHERE action = @Action AND occurred_at >= @Since AND target IS NOT NULL
        GROUP BY target
        """;

    private const string LastSuccessSql = """
        SELECT wanted.id AS Target, last.occurred_at AS LastSucceededAt
        FROM unnest(@Targets) AS wanted(id)
        CROSS JOIN LATERAL (
            SELECT occurred_at FROM audit_events
            WHERE action = @Action AND audit_events.target = wanted.id AND outcome = @Success
            ORDER BY occurred_at DESC LIMIT 1) AS last
        """;

    // The health of one target (a connector's sign-ins): outcomes, then call percentiles overall (endpoint null) and per
    // endpoint kind, then the last failure that is the provider's. Served by the partial indexes of 0017.
    private const string HealthSql = """
        SELECT outcome AS Outcome, count(*) AS Count
        FROM audit_events
        WHERE action = @Action AND target = @Target AND occurred_at >= @Since
        GROUP BY outcome;

        SELECT call->>'endpoint' AS Endpoint, count(*) AS Calls,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY (call->>'ms')::float8) AS P50Ms,
               percentile_cont(0.95) WITHIN GROUP (ORDER BY (call->>'ms')::float8) AS P95Ms
        FROM audit_events
        CROSS JOIN LATERAL jsonb_array_elements(
            CASE WHEN jsonb_typeof(details->'providerCalls') = 'array' THEN details->'providerCalls' ELSE '[]'::jsonb END) AS call
        WHERE action = @Action AND target = @Target AND occurred_at >= @Since
        GROUP BY GROUPING SETS ((), (call->>'endpoint'));

        SELECT occurred_at AS OccurredAt, outcome AS Outcome, details->>'providerError' AS ProviderError,
               details->>'providerErrorDescription' AS ProviderErrorDescription, (details->>'providerStatus')::int AS ProviderStatus
        FROM audit_events
        WHERE action = @Action AND target = @Target AND outcome <> @Success AND outcome = ANY(@ProviderCodes)
        ORDER BY occurred_at DESC
        LIMIT 1;
        """;

    /// <summary>The append of <paramref name="entries"/> as a command of a batch, for a store that sends it with its own.</summary>
    public static NpgsqlBatchCommand AppendCommand(IReadOnlyList<AuditEntry> entries) => Positional.Command(AppendSql,
        Positional.Value(entries.Select(entry => entry.OccurredAt).ToArray()),
        Positional.Value(entries.Select(entry => entry.Actor).ToArray()),
        Positional.Value(entries.Select(entry => entry.Action).ToArray()),
        Positional.Value(entries.Select(entry => entry.Target).ToArray()),
        Positional.Value(entries.Select(entry => entry.Outcome).ToArray()),
        Positional.Value(entries.Select(entry => entry.Details?.ToJsonString()).ToArray()));

    /// <summary>Appends <paramref name="entry"/> inside <paramref name="transaction"/>, or by itself without one.</summary>
    public static async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, AuditEntry entry, CancellationToken ct)
    {
        await using var batch = Positional.Batch(connection, transaction, AppendCommand([entry]));
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Appends what the change did and commits its transaction, in one round trip: the transaction is over when this
    /// returns, and not to be committed again. PostgreSQL ends it, and Npgsql, reading that from the server's answer,
    /// marks the NpgsqlTransaction completed (disposing it is then a no-op).
    /// </summary>
    public static async Task AppendAndCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        await using var batch = Positional.Batch(connection, transaction, AppendCommand(entries), new("COMMIT"));
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <inheritdoc cref="AppendAndCommitAsync(NpgsqlConnection, NpgsqlTransaction, IReadOnlyList{AuditEntry}, CancellationToken)"/>
    public static Task AppendAndCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditEntry entry, CancellationToken ct) =>
        AppendAndCommitAsync(connection, transaction, [entry], ct);

    /// <summary>Records an event that belongs to no other write (a failed sign-in, say): one statement, its own transaction.</summary>
    public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await AppendAsync(connection, null, entry, ct);
    }

    /// <summary>Per target, how the events of <paramref name="action"/> since <paramref name="since"/> came out (targets without any are absent).</summary>
    public async Task<IReadOnlyDictionary<string, AuditOutcomeCounts>> OutcomesSinceAsync(string action, DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<AuditOutcomeCounts>(new CommandDefinition(OutcomesSql,
            new { Action = action, Since = since, Success = AuditOutcomes.Success }, cancellationToken: ct));
        return rows.ToDictionary(row => row.Target, StringComparer.Ordinal);
    }

    /// <summary>When each of <paramref name="targets"/> last had a successful <paramref name="action"/>, ever (targets without one are absent).</summary>
    public async Task<IReadOnlyDictionary<string, DateTime>> LastSuccessAsync(string action, IReadOnlyCollection<string> targets, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string Target, DateTime LastSucceededAt)>(new CommandDefinition(LastSuccessSql,
            new { Action = action, Targets = targets.ToArray(), Success = AuditOutcomes.Success }, cancellationToken: ct));
        return rows.ToDictionary(row => row.Target, row => row.LastSucceededAt, StringComparer.Ordinal);
    }

    /// <summary>
    /// How <paramref name="target"/>'s events of <paramref name="action"/> came out since <paramref name="since"/>, the
    /// latency of the provider calls they recorded, and (at any time) the last failure that was the provider's: one with
    /// an outcome of <paramref name="providerCodes"/>, with whatever the provider said in it.
    /// </summary>
    public async Task<ActionHealth> HealthAsync(
        string action, string target, DateTimeOffset since, IReadOnlyCollection<string> providerCodes, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(HealthSql, new
        {
            Action = action,
            Target = target,
            Since = since,
            Success = AuditOutcomes.Success,
            ProviderCodes = providerCodes.ToArray(),
        }, cancellationToken: ct));
        var outcomes = (await results.ReadAsync<(string Outcome, long Count)>()).ToDictionary(row => row.Outcome, row => row.Count, StringComparer.Ordinal);
        var latency = (await results.ReadAsync<CallLatency>()).Where(row => row.Calls > 0).ToList();
        var failure = await results.ReadSingleOrDefaultAsync<ProviderFailureRow>();
        return new ActionHealth(outcomes, latency, failure);
    }
}
