using Connector.Host.Persistence;
using Dapper;
using Npgsql;

namespace Connector.Host.Sessions;

/// <summary>
/// Sessions ended on the server: a row per sign-out, kept until the cookie would have expired anyway, so that a
/// copied cookie is refused on every instance. Signing in writes nothing here.
/// </summary>
internal sealed class RevokedSessionStore(NpgsqlDataSource dataSource)
{
    private const string RevokeSql = """
        INSERT INTO revoked_sessions (session_id, expires_at) VALUES (@SessionId, @ExpiresAt)
        ON CONFLICT (session_id) DO NOTHING
        """;

    private const string IsRevokedSql = "SELECT EXISTS (SELECT 1 FROM revoked_sessions WHERE session_id = @SessionId)";

    private const string IsRevokedBatchSql = "SELECT EXISTS (SELECT 1 FROM revoked_sessions WHERE session_id = $1)";

    private const string DeleteExpiredSql = "DELETE FROM revoked_sessions WHERE expires_at < @Now";

    public async Task RevokeAsync(string sessionId, DateTimeOffset expiresAt, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(RevokeSql, new { SessionId = sessionId, ExpiresAt = expiresAt }, cancellationToken: ct));
    }

    public async Task<bool> IsRevokedAsync(string sessionId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(IsRevokedSql, new { SessionId = sessionId }, cancellationToken: ct));
    }

    /// <summary>Whether the session was signed out, as a command to run beside another read (<c>UserStore.GetUserAsync</c>).</summary>
    public static NpgsqlBatchCommand IsRevokedCommand(string sessionId) => Positional.Command(IsRevokedBatchSql, Positional.Value(sessionId));

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteExpiredSql, new { Now = now }, cancellationToken: ct));
    }
}
