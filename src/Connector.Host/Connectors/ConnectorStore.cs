using Connector.Host.Audit;
using Dapper;
using Npgsql;

namespace Connector.Host.Connectors;

/// <summary>Reads and writes <c>connectors</c>; every write records its audit event, and tells the listeners, in the same transaction.</summary>
internal sealed class ConnectorStore(NpgsqlDataSource dataSource, IEnumerable<IConnectorLifecycleListener> listeners)
{
    private const string Columns =
        "id AS Id, name AS Name, logo_url AS LogoUrl, logo_dark_url AS LogoDarkUrl, display_names::text AS DisplayNames, enabled AS Enabled, config::text AS Config, " +
        "client_secret_protected AS ClientSecretProtected, signed_client_secret_key_protected AS SignedClientSecretKeyProtected, " +
        "client_assertion_key_protected AS ClientAssertionKeyProtected, client_assertion_public_jwk::text AS ClientAssertionPublicJwk, " +
        "settings::text AS Settings, generation AS Generation, " +
        "revision AS Revision, created_at AS CreatedAt, updated_at AS UpdatedAt";

    private const string ListSql = $"SELECT {Columns} FROM connectors ORDER BY created_at, id";
    private const string GetSql = $"SELECT {Columns} FROM connectors WHERE id = @Id";
    private const string SignInOptionsSql = """
        SELECT id AS Id, name AS Name, logo_url AS LogoUrl, logo_dark_url AS LogoDarkUrl, display_names::text AS DisplayNames
        FROM connectors WHERE enabled ORDER BY created_at, id
        """;

    private const string InsertSql = """
        INSERT INTO connectors (id, name, logo_url, logo_dark_url, display_names, enabled, config, client_secret_protected,
            signed_client_secret_key_protected, client_assertion_key_protected, client_assertion_public_jwk, settings, generation,
            revision, created_at, updated_at)
        VALUES (@Id, @Name, @LogoUrl, @LogoDarkUrl, @DisplayNames::jsonb, @Enabled, @Config::jsonb, @ClientSecretProtected,
            @SignedClientSecretKeyProtected, @ClientAssertionKeyProtected, @ClientAssertionPublicJwk::jsonb, @Settings::jsonb, @Generation,
            1, @CreatedAt, @UpdatedAt)
        ON CONFLICT (id) DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE connectors
        SET name = @Name, logo_url = @LogoUrl, logo_dark_url = @LogoDarkUrl, display_names = @DisplayNames::jsonb, enabled = @Enabled, config = @Config::jsonb,
            client_secret_protected = @ClientSecretProtected, signed_client_secret_key_protected = @SignedClientSecretKeyProtected,
            client_assertion_key_protected = @ClientAssertionKeyProtected, client_assertion_public_jwk = @ClientAssertionPublicJwk::jsonb,
            settings = @Settings::jsonb, generation = @Generation,
            revision = revision + 1, updated_at = @UpdatedAt
        WHERE id = @Id AND revision = @Revision
        """;

    private const string DeleteSql = "DELETE FROM connectors WHERE id = @Id";

    public async Task<IReadOnlyList<ConnectorRow>> ListAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ConnectorRow>(new CommandDefinition(ListSql, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>The enabled connectors as buttons: id, name and logo only (never the config or the secret).</summary>
    public async Task<IReadOnlyList<ConnectorSummary>> ListEnabledAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(SignInOptionsSql, cancellationToken: ct));
        return [.. rows.Select(row => new ConnectorSummary(row.Id, row.Name, row.LogoUrl, row.LogoDarkUrl, ConnectorDocuments.ToDisplayNames(row.DisplayNames)))];
    }

    public async Task<ConnectorRow?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ConnectorRow>(new CommandDefinition(GetSql, new { Id = id }, cancellationToken: ct));
    }

    /// <summary>False when the id is taken.</summary>
    public Task<bool> TryInsertAsync(ConnectorRow row, AuditEntry audit, CancellationToken ct) =>
        WriteAsync(InsertSql, row, audit, (listener, connection, transaction) => listener.CreatedAsync(row.Id, connection, transaction, ct), ct);

    /// <summary>False when the row is gone or another writer changed it since <paramref name="row"/>'s revision was read.</summary>
    public Task<bool> TryUpdateAsync(ConnectorRow row, AuditEntry audit, CancellationToken ct) =>
        WriteAsync(UpdateSql, row, audit, (listener, connection, transaction) =>
            listener.UpdatedAsync(row.Id, ConnectorDocuments.ToSettings(row.Settings), row.Generation, connection, transaction, ct), ct);

    /// <summary>False when no such connector exists.</summary>
    public Task<bool> DeleteAsync(string id, AuditEntry audit, CancellationToken ct) =>
        WriteAsync(DeleteSql, new { Id = id }, audit, (listener, connection, transaction) => listener.DeletedAsync(id, connection, transaction, ct), ct);

    private sealed record SummaryRow(string Id, string Name, string? LogoUrl, string? LogoDarkUrl, string DisplayNames);

    private async Task<bool> WriteAsync(string sql, object parameters, AuditEntry audit,
        Func<IConnectorLifecycleListener, NpgsqlConnection, NpgsqlTransaction, Task>? notify, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct));
        if (changed != 1)
        {
            return false;
        }

        foreach (var listener in notify is null ? [] : listeners)
        {
            await notify!(listener, connection, transaction);
        }

        await AuditStore.AppendAndCommitAsync(connection, transaction, audit, ct);
        return true;
    }
}
