using Connector.Host.Audit;
using Dapper;
using Npgsql;

namespace Connector.Host.Oidc.Keys;

/// <summary>Reads and writes <c>oidc_keys</c>; the first keys are made under an advisory lock so N instances share them.</summary>
internal sealed class OidcKeyStore(NpgsqlDataSource dataSource, OidcKeyMaterial material, TimeProvider time, ILogger<OidcKeyStore> logger)
{
    /// <summary>Fixed key for <c>pg_advisory_xact_lock</c> ("connectors.oidckeys").</summary>
    private const long LockKey = 0x436f6e6e4f4b6579;

    private const string Columns =
        "kid AS Kid, algorithm AS Algorithm, private_key_protected AS PrivateKeyProtected, created_at AS CreatedAt, " +
        "not_before AS NotBefore, retired_at AS RetiredAt";

    private const string LockSql = "SELECT pg_advisory_xact_lock(@LockKey)";
    private const string PublishedSql = $"SELECT {Columns} FROM oidc_keys WHERE retired_at IS NULL ORDER BY not_before DESC, created_at DESC, kid";
    private const string AllSql = $"SELECT {Columns} FROM oidc_keys ORDER BY created_at DESC, kid";
    private const string AlgorithmsSql = "SELECT DISTINCT algorithm FROM oidc_keys WHERE retired_at IS NULL";

    private const string InsertSql = """
        INSERT INTO oidc_keys (kid, algorithm, private_key_protected, created_at, not_before)
        VALUES (@Kid, @Algorithm, @PrivateKeyProtected, @CreatedAt, @NotBefore)
        """;

    private const string RetireSql = "UPDATE oidc_keys SET retired_at = @Now WHERE kid = @Kid AND retired_at IS NULL";

    /// <summary>Creates one key of each algorithm that has none in use; the others wait on the lock, then find them.</summary>
    public async Task EnsureKeysAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(LockSql, new { LockKey }, transaction, cancellationToken: ct));
        var present = (await connection.QueryAsync<string>(new CommandDefinition(AlgorithmsSql, transaction: transaction, cancellationToken: ct))).ToHashSet();
        var now = time.GetUtcNow();
        foreach (var algorithm in OidcKeyAlgorithms.All.Where(algorithm => !present.Contains(algorithm)))
        {
            var row = material.Create(algorithm, now, now);
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, transaction, cancellationToken: ct));
            OidcLog.KeyCreated(logger, row.Kid, algorithm);
        }

        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<OidcKeyRow>> PublishedAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<OidcKeyRow>(new CommandDefinition(PublishedSql, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<OidcKeyRow>> AllAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<OidcKeyRow>(new CommandDefinition(AllSql, cancellationToken: ct))).AsList();
    }

    public async Task InsertAsync(OidcKeyRow row, AuditEntry audit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, transaction, cancellationToken: ct));
        await AuditStore.AppendAsync(connection, transaction, audit, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>False when no such key is in use.</summary>
    public async Task<bool> RetireAsync(string kid, AuditEntry audit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(RetireSql, new { Kid = kid, Now = audit.OccurredAt }, transaction, cancellationToken: ct)) != 1)
        {
            return false;
        }

        await AuditStore.AppendAsync(connection, transaction, audit, ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
