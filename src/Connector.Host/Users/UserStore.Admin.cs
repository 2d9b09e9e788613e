using Connector.Host.Audit;
using Connector.Host.Events;
using Dapper;
using Npgsql;

namespace Connector.Host.Users;

/// <summary>The operator's changes to users, each in one transaction with its audit event, its events and the listeners' part.</summary>
internal sealed partial class UserStore
{
    // Disabling raises the epoch too: what the user had open stays closed when they are enabled again.
    private const string UpdateSql = $"""
        UPDATE users SET disabled = @Disabled, roles = @Roles, updated_at = @Now,
            session_epoch = session_epoch + CASE WHEN @Disabled AND NOT disabled THEN 1 ELSE 0 END
        WHERE id = @Id
        RETURNING {UserColumns}
        """;

    private const string RaiseEpochSql = "UPDATE users SET session_epoch = session_epoch + 1, updated_at = @Now WHERE id = @Id";

    // Identities go with the user (ON DELETE CASCADE).
    private const string DeleteSql = "DELETE FROM users WHERE id = @Id";

    // The user comes back for the event, only when something was unlinked.
    private const string UnlinkSql = $"""
        WITH unlinked AS (DELETE FROM user_identities WHERE user_id = @Id AND connector_id = @ConnectorId RETURNING user_id)
        SELECT {UserColumns} FROM users WHERE id = @Id AND EXISTS (SELECT 1 FROM unlinked)
        """;

    /// <summary>The user as changed; null when there is no such user.</summary>
    public Task<UserRow?> UpdateAsync(Guid id, bool disabled, string[] roles, bool revokesSessions, DateTimeOffset now, AuditEntry audit, CancellationToken ct) =>
        InTransactionAsync<UserRow>(async (connection, transaction) =>
        {
            var user = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(UpdateSql,
                new { Id = id, Disabled = disabled, Roles = roles, Now = now }, transaction, cancellationToken: ct));
            if (user is null)
            {
                return (null, null);
            }

            if (revokesSessions)
            {
                await NotifyAsync(listener => listener.SessionsRevokedAsync(id, connection, transaction, ct));
            }

            await PublishAsync([UserEvents.Of(DomainEventTypes.UserUpdated, audit.OccurredAt, user)], connection, transaction, ct);
            return (user, audit);
        }, ct);

    /// <summary>Signs the user out everywhere; false when there is no such user.</summary>
    public async Task<bool> RevokeSessionsAsync(Guid id, DateTimeOffset now, AuditEntry audit, CancellationToken ct) =>
        await InTransactionAsync<object>(async (connection, transaction) =>
        {
            if (await connection.ExecuteAsync(new CommandDefinition(RaiseEpochSql, new { Id = id, Now = now }, transaction, cancellationToken: ct)) == 0)
            {
                return (null, null);
            }

            await NotifyAsync(listener => listener.SessionsRevokedAsync(id, connection, transaction, ct));
            return (id, audit);
        }, ct) is not null;

    /// <summary>Erases the user, their identities and what listeners keep of them; false when there is no such user.</summary>
    public async Task<bool> DeleteAsync(Guid id, AuditEntry audit, CancellationToken ct) =>
        await InTransactionAsync<object>(async (connection, transaction) =>
        {
            await NotifyAsync(listener => listener.UserDeletingAsync(id, connection, transaction, ct));
            var deleted = await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { Id = id }, transaction, cancellationToken: ct));
            if (deleted == 0)
            {
                return (null, null);
            }

            await PublishAsync([UserEvents.Deleted(audit.OccurredAt, id)], connection, transaction, ct);
            return (id, audit);
        }, ct) is not null;

    /// <summary>Unlinks every identity the user has from the connector; false when there was none.</summary>
    public async Task<bool> UnlinkAsync(Guid id, string connectorId, AuditEntry audit, CancellationToken ct) =>
        await InTransactionAsync<object>(async (connection, transaction) =>
        {
            var user = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(UnlinkSql,
                new { Id = id, ConnectorId = connectorId }, transaction, cancellationToken: ct));
            if (user is null)
            {
                return (null, null);
            }

            await PublishAsync([UserEvents.Of(DomainEventTypes.IdentityUnlinked, audit.OccurredAt, user, connectorId)], connection, transaction, ct);
            return (id, audit);
        }, ct) is not null;

    /// <summary>
    /// Runs <paramref name="change"/> in a transaction that commits only when it returns a result, with its audit
    /// event; a null result rolls back (nothing to change).
    /// </summary>
    private async Task<T?> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<(T? Result, AuditEntry? Audit)>> change, CancellationToken ct)
        where T : class
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (result, audit) = await change(connection, transaction);
        if (result is null)
        {
            await transaction.RollbackAsync(ct);
            return null;
        }

        await AuditStore.AppendAndCommitAsync(connection, transaction, audit!, ct);
        return result;
    }

    private async Task NotifyAsync(Func<IUserLifecycleListener, Task> notify)
    {
        foreach (var listener in listeners)
        {
            await notify(listener);
        }
    }
}
