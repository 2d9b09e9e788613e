using System.Globalization;
using Connector.Host.Audit;
using Dapper;
using Npgsql;

namespace Connector.Host.TokenVault;

/// <summary>
/// A refresh's hold on one identity's row, across instances: a transaction that took the row with <c>SELECT … FOR
/// UPDATE</c>, so a second refresh of the same identity (on this instance or another) waits here and then reads what
/// the first one wrote. A rotating refresh token is thereby spent once. The hold is bounded: waiting for the lock gives
/// up after <c>lock_timeout</c>, and a holder that stops talking to the database is ended by
/// <c>idle_in_transaction_session_timeout</c>; the provider call in between has the outbound client's own timeout.
/// </summary>
internal sealed partial class IdentityTokenStore
{
    private const string LockSql = $"SELECT {Columns} FROM identity_tokens WHERE identity_id = @IdentityId FOR UPDATE";

    private const string RefreshedSql = """
        UPDATE identity_tokens SET access_token_protected = @AccessTokenProtected,
            refresh_token_protected = coalesce(@RefreshTokenProtected, refresh_token_protected),
            id_token_protected = coalesce(@IdTokenProtected, id_token_protected),
            token_type = @TokenType, scope = coalesce(@Scope, scope), expires_at = @ExpiresAt, updated_at = @Now
        WHERE identity_id = @IdentityId
        """;

    private const string DropRefreshTokenSql = "UPDATE identity_tokens SET refresh_token_protected = NULL, updated_at = @Now WHERE identity_id = @IdentityId";

    /// <summary>Takes the row's lock, waiting at most <paramref name="wait"/>; the hold ends at the latest <paramref name="hold"/> after the last statement.</summary>
    public async Task<Locked> LockAsync(long identityId, TimeSpan wait, TimeSpan hold, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(ct);
            // SET LOCAL takes no parameters; the values are whole milliseconds from configuration.
            var limits = string.Create(CultureInfo.InvariantCulture,
                $"SET LOCAL lock_timeout = {(long)wait.TotalMilliseconds}; SET LOCAL idle_in_transaction_session_timeout = {(long)hold.TotalMilliseconds}");
            await connection.ExecuteAsync(new CommandDefinition(limits, transaction: transaction, cancellationToken: ct));
            var row = await connection.QuerySingleOrDefaultAsync<IdentityTokenRow>(new CommandDefinition(LockSql, new { IdentityId = identityId }, transaction, cancellationToken: ct));
            return new Locked(connection, transaction, row);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The held row (null when it is gone), and what a refresh writes while holding it; nothing counts until <see cref="CommitAsync"/>.</summary>
    internal sealed class Locked(NpgsqlConnection connection, NpgsqlTransaction transaction, IdentityTokenRow? row) : IAsyncDisposable
    {
        public IdentityTokenRow? Row { get; } = row;

        public Task SaveRefreshedAsync(StoredTokens tokens, CancellationToken ct) =>
            connection.ExecuteAsync(new CommandDefinition(RefreshedSql, tokens, transaction, cancellationToken: ct));

        /// <summary>After <c>invalid_grant</c> (RFC 6749 §5.2) the refresh token is dead: kept, it would only be refused again.</summary>
        public Task DropRefreshTokenAsync(long identityId, DateTimeOffset now, CancellationToken ct) =>
            connection.ExecuteAsync(new CommandDefinition(DropRefreshTokenSql, new { IdentityId = identityId, Now = now }, transaction, cancellationToken: ct));

        public Task AuditAsync(AuditEntry entry, CancellationToken ct) => AuditStore.AppendAsync(connection, transaction, entry, ct);

        public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
