using Connector.Host.Persistence;
using Dapper;
using Npgsql;

namespace Connector.Host.SignIn;

/// <summary>
/// Server-side sign-in state (RFC 6749 §10.12, RFC 9700 §4.7): only SHA-256 digests of the state and of the
/// browser-binding cookie are stored, so whoever reads the table cannot complete a flow in progress. The OpenID
/// Connect nonce, when there is one, is a digest too, and is used up with its state: one callback, one ID token.
/// </summary>
internal sealed class SignInStateStore(NpgsqlDataSource dataSource)
{
    /// <summary>Pending sign-ins one browser may have at once; a new one beyond it replaces the oldest.</summary>
    public const int MaxPendingPerBrowser = 20;

    // One round trip, committed without waiting for the WAL flush (Positional.Unflushed): a state is worth ten minutes
    // at most, and losing one in a server crash costs its user a retry, not a security property.
    //
    // At most MaxPendingPerBrowser unconsumed, unexpired sign-ins per browser binding: starting one more forgets the
    // oldest (whose callback then reads as invalid_state), so one browser cannot pile up rows. The delete sees the table
    // as it was before the statement, without the new row.
    //
    // The purpose is written into the statements that look for pending sign-ins rather than passed: PostgreSQL uses the
    // partial index on pending sign-ins (migration 0011) only where it can prove the predicate, and a prepared statement's
    // generic plan cannot prove it of a parameter.
    //
    // Positional parameters, $1 to $9 in the order of the columns, then $10 the pending sign-ins kept beside the new one.
    private const string InsertSql = $"""
        WITH forgotten AS (
            DELETE FROM sign_in_states
            WHERE $6 = '{SignInPurpose.SignIn}' AND state_hash IN (
                SELECT state_hash FROM sign_in_states
                WHERE browser_binding_hash = $3 AND purpose = '{SignInPurpose.SignIn}' AND consumed_at IS NULL AND expires_at > $7
                ORDER BY created_at DESC, state_hash
                OFFSET $10))
        INSERT INTO sign_in_states (state_hash, connector_id, browser_binding_hash, code_verifier_protected, return_url, purpose, created_at, expires_at, nonce_hash)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """;

    // Single use: the first callback marks the row consumed; a replay, another browser or another connector
    // finds nothing. A dry run is opened by an admin outside the browser that asked for it, so it is bound to
    // the state alone (it creates no user and no session).
    //
    // Visible to every instance at commit, but not waited on to reach the disk: the only thing that follows from a
    // consumed state, a sign-in, commits durably, and PostgreSQL flushes its log in order, so no session (nor failure
    // audit) can outlive the consumption it came from. A server crash can forget only a consumption whose sign-in never
    // committed, and what the state was for is spent anyway: the provider takes a code once (RFC 6749 §4.1.2).
    //
    // Positional parameters: $1 the state's digest, $2 the connector, $3 the browser binding's digest, $4 now.
    private const string ConsumeSql = $"""
        UPDATE sign_in_states SET consumed_at = $4
        WHERE state_hash = $1 AND consumed_at IS NULL AND connector_id = $2
          AND (purpose = '{SignInPurpose.Test}' OR browser_binding_hash = $3)
        RETURNING connector_id AS ConnectorId, code_verifier_protected AS CodeVerifierProtected, return_url AS ReturnUrl,
                  purpose AS Purpose, expires_at AS ExpiresAt, nonce_hash AS NonceHash
        """;

    // A look without consuming, for the form_post relay: the state must name a pending sign-in of this connector before
    // a page is sent that posts it again.
    private const string PendingPurposeSql = """
        SELECT purpose FROM sign_in_states WHERE state_hash = @StateHash AND consumed_at IS NULL AND connector_id = @ConnectorId
        """;

    private const string DeleteExpiredSql = "DELETE FROM sign_in_states WHERE expires_at < @Cutoff";

    // Bounded by the ceiling, so the count costs at most that many entries of the partial index on pending sign-ins
    // however many consumed states the table holds until they expire. Dry runs are an operator's, not counted.
    private const string CountUnfinishedSql = $"""
        SELECT count(*) FROM (SELECT 1 FROM sign_in_states WHERE consumed_at IS NULL AND purpose = '{SignInPurpose.SignIn}' LIMIT @Limit) unfinished
        """;

    public async Task AddAsync(NewSignInState state, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = Positional.Unflushed(connection, Positional.Command(InsertSql,
            Positional.Value(state.StateHash),
            Positional.Value(state.ConnectorId),
            Positional.Value(state.BindingHash),
            Positional.Value(state.CodeVerifierProtected),
            Positional.Value(state.ReturnUrl),
            Positional.Value(state.Purpose),
            Positional.Value(state.CreatedAt),
            Positional.Value(state.ExpiresAt),
            Positional.Value(state.NonceHash),
            Positional.Value(MaxPendingPerBrowser - 1)));
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The state, now consumed; null when it is unknown, already used, or belongs to another browser or connector.</summary>
    public async Task<PendingSignIn?> ConsumeAsync(byte[] stateHash, byte[]? bindingHash, string connectorId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = Positional.Unflushed(connection, Positional.Command(ConsumeSql,
            Positional.Value(stateHash), Positional.Value(connectorId), Positional.Value(bindingHash ?? []), Positional.Value(now)));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? reader.GetRowParser<PendingSignIn>()(reader) : null;
    }

    /// <summary>The purpose of the unconsumed state of this connector, or null; the state stays as it was.</summary>
    public async Task<string?> PendingPurposeAsync(byte[] stateHash, string connectorId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(PendingPurposeSql,
            new { StateHash = stateHash, ConnectorId = connectorId }, cancellationToken: ct));
    }

    /// <summary>Sign-in states never consumed (pending, or expired and not yet deleted), counted up to <paramref name="limit"/>.</summary>
    public async Task<long> CountUnfinishedAsync(int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountUnfinishedSql, new { Limit = limit }, cancellationToken: ct));
    }

    /// <summary>Deletes states that expired before <paramref name="cutoff"/>; idempotent, so any instance may run it.</summary>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteExpiredSql, new { Cutoff = cutoff }, cancellationToken: ct));
    }
}
