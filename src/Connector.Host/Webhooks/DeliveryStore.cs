using Dapper;
using Npgsql;

namespace Connector.Host.Webhooks;

/// <summary>
/// The one store of <c>webhook_outbox</c> and <c>webhook_deliveries</c>. Deliveries are leased, not locked: a claim
/// (<c>FOR UPDATE SKIP LOCKED</c>, so instances claiming together take different rows) counts the attempt and moves
/// <c>next_attempt_at</c> to the end of the lease, and commits at once. The instance then makes the call with no
/// transaction open; if it dies, the row is due again when the lease runs out. Every later write names the attempt it
/// finishes, so an instance whose lease ran out and was taken over changes nothing but the log.
/// </summary>
internal sealed partial class DeliveryStore(NpgsqlDataSource dataSource, WebhookSubscriptions subscriptions)
{
    private const string ClaimSql = """
        WITH due AS (
            SELECT id FROM webhook_outbox WHERE next_attempt_at <= @Now
            ORDER BY next_attempt_at LIMIT @Limit
            FOR UPDATE SKIP LOCKED
        )
        UPDATE webhook_outbox o SET attempts = o.attempts + 1, next_attempt_at = @LeaseUntil
        FROM due WHERE o.id = due.id
        RETURNING o.id AS Id, o.webhook_id AS WebhookId, o.event AS Event, o.payload AS Payload, o.attempts AS Attempt
        """;

    private const string TargetsSql =
        "SELECT id AS Id, url AS Url, events AS Events, enabled AS Enabled, signing_key_protected AS SigningKeyProtected, " +
        "revision AS Revision, created_at AS CreatedAt, updated_at AS UpdatedAt FROM webhooks WHERE id = ANY(@Ids)";

    private const string NextDueSql = "SELECT min(next_attempt_at) FROM webhook_outbox";

    private const string RemoveSql = "DELETE FROM webhook_outbox WHERE id = @Id AND attempts = @Attempt";

    private const string RescheduleSql = "UPDATE webhook_outbox SET next_attempt_at = @NextAttemptAt WHERE id = @Id AND attempts = @Attempt";

    // The webhook may have been deleted during the attempt; its log went with it, and so does this entry.
    private const string LogSql = """
        INSERT INTO webhook_deliveries (webhook_id, delivery_id, event, attempt, attempted_at, outcome, status_code, duration_ms, error, next_attempt_at)
        SELECT @WebhookId, @DeliveryId, @Event, @Attempt, @AttemptedAt, @Outcome, @StatusCode, @DurationMs, @Error, @NextAttemptAt
        WHERE EXISTS (SELECT 1 FROM webhooks WHERE id = @WebhookId)
        """;

    private const string ListLogSql = """
        SELECT id AS Id, delivery_id AS DeliveryId, event AS Event, attempt AS Attempt, attempted_at AS AttemptedAt, outcome AS Outcome,
               status_code AS StatusCode, duration_ms AS DurationMs, error AS Error, next_attempt_at AS NextAttemptAt
        FROM webhook_deliveries WHERE webhook_id = @WebhookId AND (@Before::bigint IS NULL OR id < @Before)
        ORDER BY id DESC LIMIT @Limit
        """;

    private const string PruneLogSql = "DELETE FROM webhook_deliveries WHERE attempted_at < @Cutoff";

    /// <summary>Leases up to <paramref name="limit"/> due deliveries until <paramref name="leaseUntil"/>.</summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ClaimedDelivery>(new CommandDefinition(ClaimSql,
            new { Now = now, LeaseUntil = leaseUntil, Limit = limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>The claimed deliveries' webhooks, by id; one missing is gone.</summary>
    public async Task<IReadOnlyDictionary<Guid, WebhookRow>> TargetsAsync(IEnumerable<Guid> webhookIds, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<WebhookRow>(new CommandDefinition(TargetsSql, new { Ids = webhookIds.Distinct().ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(row => row.Id);
    }

    /// <summary>When the next delivery is due (a lease's end included); null when the outbox is empty.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var next = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(NextDueSql, cancellationToken: ct));
        return next is { } due ? new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)) : null;
    }

    /// <summary>Ends the delivery: delivered, given up, or no longer wanted (<paramref name="log"/> null: nothing to record).</summary>
    public async Task FinishAsync(ClaimedDelivery delivery, DeliveryLogWrite? log, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(RemoveSql, new { delivery.Id, delivery.Attempt }, transaction, cancellationToken: ct));
        if (log is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(LogSql, log, transaction, cancellationToken: ct));
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>Records a failed attempt and when the next one is due.</summary>
    public async Task RescheduleAsync(ClaimedDelivery delivery, DeliveryLogWrite log, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(RescheduleSql,
            new { delivery.Id, delivery.Attempt, log.NextAttemptAt }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(LogSql, log, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    /// <summary>A webhook's attempts, newest first, keyset-paged by <paramref name="before"/> (an entry's id).</summary>
    public async Task<IReadOnlyList<DeliveryLogEntry>> ListLogAsync(Guid webhookId, int limit, long? before, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<DeliveryLogEntry>(new CommandDefinition(ListLogSql,
            new { WebhookId = webhookId, Limit = limit, Before = before }, cancellationToken: ct))).AsList();
    }

    public async Task<int> PruneLogAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(PruneLogSql, new { Cutoff = cutoff }, cancellationToken: ct));
    }
}
