using Dapper;
using Npgsql;

namespace Connector.Host.TokenVault;

/// <summary>
/// The one store of <c>identity_tokens</c>: written in the sign-in's transaction (<see cref="UpsertAsync"/>), read by
/// the vault, rewritten by a refresh under the row's lock (<c>IdentityTokenStore.Locked.cs</c>), and emptied for a
/// connector that stops keeping tokens or changes provider. Rows of an identity go with it (ON DELETE CASCADE).
/// </summary>
internal sealed partial class IdentityTokenStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "identity_id AS IdentityId, connector_id AS ConnectorId, generation AS Generation, access_token_protected AS AccessTokenProtected, " +
        "refresh_token_protected AS RefreshTokenProtected, id_token_protected AS IdTokenProtected, token_type AS TokenType, scope AS Scope, " +
        "expires_at AS ExpiresAt, updated_at AS UpdatedAt";

    // A sign-in that brings no refresh token (Google sends one only at the first consent), no ID token or no scope (RFC 6749
    // §5.1: then the one granted before) keeps the stored one.
    private const string UpsertSql = """
        INSERT INTO identity_tokens (identity_id, connector_id, generation, access_token_protected, refresh_token_protected, id_token_protected,
            token_type, scope, expires_at, updated_at)
        VALUES (@IdentityId, @ConnectorId, @Generation, @AccessTokenProtected, @RefreshTokenProtected, @IdTokenProtected,
            @TokenType, @Scope, @ExpiresAt, @Now)
        ON CONFLICT (identity_id) DO UPDATE SET
            connector_id = EXCLUDED.connector_id, generation = EXCLUDED.generation, access_token_protected = EXCLUDED.access_token_protected,
            refresh_token_protected = coalesce(EXCLUDED.refresh_token_protected, identity_tokens.refresh_token_protected),
            id_token_protected = coalesce(EXCLUDED.id_token_protected, identity_tokens.id_token_protected),
            token_type = EXCLUDED.token_type, scope = coalesce(EXCLUDED.scope, identity_tokens.scope),
            expires_at = EXCLUDED.expires_at, updated_at = EXCLUDED.updated_at
        """;

    private const string GetSql = $"SELECT {Columns} FROM identity_tokens WHERE identity_id = @IdentityId";

    private const string StoredForSql = "SELECT identity_id FROM identity_tokens WHERE identity_id = ANY(@IdentityIds)";

    // Tokens of a connector that no longer keeps them, or of the provider that was behind it before a confirmed change.
    private const string DeleteStaleSql = """
        DELETE FROM identity_tokens WHERE connector_id = @ConnectorId AND (NOT @Keeps OR generation <> @Generation)
        """;

    private const string DeleteForConnectorSql = "DELETE FROM identity_tokens WHERE connector_id = @ConnectorId";

    public static Task UpsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, StoredTokens tokens, string connectorId, Guid generation, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(UpsertSql, new
        {
            tokens.IdentityId,
            ConnectorId = connectorId,
            Generation = generation,
            tokens.AccessTokenProtected,
            tokens.RefreshTokenProtected,
            tokens.IdTokenProtected,
            tokens.TokenType,
            tokens.Scope,
            tokens.ExpiresAt,
            tokens.Now,
        }, transaction, cancellationToken: ct));

    public async Task<IdentityTokenRow?> GetAsync(long identityId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<IdentityTokenRow>(new CommandDefinition(GetSql, new { IdentityId = identityId }, cancellationToken: ct));
    }

    /// <summary>Which of these identities have tokens stored (for the console: whether, never what).</summary>
    public async Task<IReadOnlySet<long>> StoredForAsync(IReadOnlyCollection<long> identityIds, CancellationToken ct)
    {
        if (identityIds.Count == 0)
        {
            return new HashSet<long>();
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<long>(new CommandDefinition(StoredForSql, new { IdentityIds = identityIds.ToArray() }, cancellationToken: ct))).ToHashSet();
    }

    public static Task DeleteStaleAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string connectorId, bool keeps, Guid generation, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(DeleteStaleSql,
            new { ConnectorId = connectorId, Keeps = keeps, Generation = generation }, transaction, cancellationToken: ct));

    public static Task DeleteForConnectorAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string connectorId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(DeleteForConnectorSql, new { ConnectorId = connectorId }, transaction, cancellationToken: ct));
}
