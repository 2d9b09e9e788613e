using Connector.Host.Audit;
using Dapper;
using Npgsql;

namespace Connector.Host.Webhooks;

/// <summary>
/// Reads and writes <c>webhooks</c>; every write records its audit event in the same transaction and tells every
/// instance's <see cref="WebhookSubscriptions"/> at commit.
/// </summary>
internal sealed class WebhookStore(NpgsqlDataSource dataSource, WebhookSubscriptions subscriptions)
{
    private const string Columns =
        "id AS Id, url AS Url, events AS Events, enabled AS Enabled, signing_key_protected AS SigningKeyProtected, " +
        "revision AS Revision, created_at AS CreatedAt, updated_at AS UpdatedAt";

    private const string ListSql = $"SELECT {Columns} FROM webhooks ORDER BY created_at, id";
    private const string GetSql = $"SELECT {Columns} FROM webhooks WHERE id = @Id";

    private const string InsertSql = """
        INSERT INTO webhooks (id, url, events, enabled, signing_key_protected, revision, created_at, updated_at)
        VALUES (@Id, @Url, @Events, @Enabled, @SigningKeyProtected, 1, @CreatedAt, @UpdatedAt)
        """;

    private const string UpdateSql = $"""
        UPDATE webhooks SET url = @Url, events = @Events, enabled = @Enabled, revision = revision + 1, updated_at = @UpdatedAt
        WHERE id = @Id AND revision = @Revision
        RETURNING {Columns}
        """;

    // Its delivery log goes with it (ON DELETE CASCADE); what it still had queued is dropped when due.
    private const string DeleteSql = "DELETE FROM webhooks WHERE id = @Id";

    private const string ChangedSql = $"SELECT pg_notify('{DeliveryStore.Channel}', '{WebhookSubscriptions.ChangedPayload}')";

    public async Task<IReadOnlyList<WebhookRow>> ListAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<WebhookRow>(new CommandDefinition(ListSql, cancellationToken: ct))).AsList();
    }

    public async Task<WebhookRow?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<WebhookRow>(new CommandDefinition(GetSql, new { Id = id }, cancellationToken: ct));
    }

    public async Task InsertAsync(WebhookRow row, AuditEntry audit, CancellationToken ct) =>
        await InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, transaction, cancellationToken: ct));
            return true;
        }, audit, ct);

    /// <summary>The row as written; null when it is gone or another writer changed it since <paramref name="row"/>'s revision was read.</summary>
    public async Task<WebhookRow?> TryUpdateAsync(WebhookRow row, AuditEntry audit, CancellationToken ct)
    {
        WebhookRow? updated = null;
        await InTransactionAsync(async (connection, transaction) =>
        {
            updated = await connection.QuerySingleOrDefaultAsync<WebhookRow>(new CommandDefinition(UpdateSql, row, transaction, cancellationToken: ct));
            return updated is not null;
        }, audit, ct);
        return updated;
    }

    /// <summary>False when there is no such webhook.</summary>
    public Task<bool> DeleteAsync(Guid id, AuditEntry audit, CancellationToken ct) =>
        InTransactionAsync(async (connection, transaction) =>
            await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { Id = id }, transaction, cancellationToken: ct)) > 0, audit, ct);

    /// <summary>Runs <paramref name="write"/>; commits with the audit event when it changed something, else rolls back.</summary>
    private async Task<bool> InTransactionAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task<bool>> write, AuditEntry audit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!await write(connection, transaction))
        {
            await transaction.RollbackAsync(ct);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(ChangedSql, transaction: transaction, cancellationToken: ct));
        await AuditStore.AppendAndCommitAsync(connection, transaction, audit, ct);
        subscriptions.Forget(); // this instance's own notification arrives later: its next change must see this one
        return true;
    }
}
