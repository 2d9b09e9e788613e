using Dapper;
using Npgsql;

namespace Connector.Host.Persistence;

/// <summary>
/// Applies pending migrations in one transaction under a transaction-scoped advisory lock, so N hosts
/// starting together apply each file exactly once: the others wait for the lock, then find nothing to do.
/// </summary>
internal sealed class MigrationRunner(NpgsqlDataSource dataSource, MigrationScripts scripts, TimeProvider time, ILogger<MigrationRunner> logger)
{
    /// <summary>Arbitrary, fixed key for <c>pg_advisory_xact_lock</c> ("connectors.migrations").</summary>
    public const long LockKey = 0x436f6e6e4d696772;

    private const string LockSql = "SELECT pg_advisory_xact_lock(@LockKey)";
    private const string TableExistsSql = "SELECT to_regclass('schema_migrations') IS NOT NULL";
    private const string AppliedSql = "SELECT version AS Version, checksum AS Checksum FROM schema_migrations";
    private const string AppliedVersionsSql = "SELECT version FROM schema_migrations";
    private const string RecordSql =
        "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@Version, @Name, @Checksum, @AppliedAt)";
    private const string RecordCommentEditSql = "UPDATE schema_migrations SET checksum = @Checksum WHERE version = @Version";

    public async Task ApplyAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(LockSql, new { LockKey }, transaction, cancellationToken: ct));

        var applied = await ReadAppliedAsync(connection, transaction, ct);
        var count = 0;
        foreach (var script in scripts.All)
        {
            if (applied.TryGetValue(script.Version, out var checksum))
            {
                if (checksum != script.Checksum && CommentEdits.Allows(script.Version, checksum))
                {
                    await connection.ExecuteAsync(new CommandDefinition(RecordCommentEditSql, new { script.Version, script.Checksum }, transaction, cancellationToken: ct));
                }
                else if (checksum != script.Checksum)
                {
                    throw new InvalidOperationException(
                        $"Migration {script.Name} was changed after it was applied. Migrations are forward-only: add a new file instead.");
                }

                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(RecordSql,
                new { script.Version, script.Name, script.Checksum, AppliedAt = time.GetUtcNow() }, transaction, cancellationToken: ct));
            PersistenceLog.MigrationApplied(logger, script.Name);
            count++;
        }

        await transaction.CommitAsync(ct);
        PersistenceLog.MigrationsDone(logger, count, scripts.All.Count);
    }

    /// <summary>How many migrations this build carries that the database has not recorded as applied.</summary>
    public async Task<int> PendingCountAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var applied = (await connection.QueryAsync<int>(new CommandDefinition(AppliedVersionsSql, cancellationToken: ct))).ToHashSet();
        return scripts.All.Count(script => !applied.Contains(script.Version));
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(TableExistsSql, transaction: transaction, cancellationToken: ct));
        if (!exists)
        {
            return [];
        }

        var rows = await connection.QueryAsync<AppliedMigration>(new CommandDefinition(AppliedSql, transaction: transaction, cancellationToken: ct));
        return rows.ToDictionary(row => row.Version, row => row.Checksum);
    }
}
