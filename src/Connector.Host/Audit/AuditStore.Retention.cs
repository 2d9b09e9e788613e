using Dapper;

namespace Connector.Host.Audit;

internal sealed partial class AuditStore
{
    /// <summary>Rows per delete, so one pass never holds a long lock or a long transaction over the trail.</summary>
    private const int DeleteBatch = 5000;

    // Ids grow with time, so the oldest rows sit first in the primary key: each batch reads them from its start.
    private const string DeleteOlderSql = """
        DELETE FROM audit_events WHERE id IN (
            SELECT id FROM audit_events WHERE occurred_at < @Cutoff ORDER BY id LIMIT @Batch)
        """;

    /// <summary>Deletes every event that occurred before <paramref name="cutoff"/>, in batches; idempotent.</summary>
    /// <returns>How many were deleted.</returns>
    public async Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        long total = 0;
        int deleted;
        do
        {
            deleted = await connection.ExecuteAsync(new CommandDefinition(DeleteOlderSql, new { Cutoff = cutoff, Batch = DeleteBatch }, cancellationToken: ct));
            total += deleted;
        }
        while (deleted == DeleteBatch);

        return total;
    }
}
