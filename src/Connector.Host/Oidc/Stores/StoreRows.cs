using System.Runtime.CompilerServices;
using Connector.Host.Audit;
using Dapper;
using Npgsql;
using OpenIddict.Abstractions;

namespace Connector.Host.Oidc.Stores;

/// <summary>
/// The query plumbing every OpenIddict store shares: a connection per call from the one data source, rows as
/// <typeparamref name="TEntity"/>, and OpenIddict's optimistic-concurrency contract for writes (exactly one row
/// changed, else <see cref="OpenIddictExceptions.ConcurrencyException"/>).
/// </summary>
internal sealed class StoreRows<TEntity>(NpgsqlDataSource dataSource, string entityName)
{
    public async Task<T?> ScalarAsync<T>(string sql, object? parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: ct));
    }

    public async Task<TEntity?> SingleAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<TEntity>(new CommandDefinition(sql, parameters, cancellationToken: ct));
    }

    public async IAsyncEnumerable<TEntity> ManyAsync(string sql, object parameters, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        foreach (var row in await connection.QueryAsync<TEntity>(new CommandDefinition(sql, parameters, cancellationToken: ct)))
        {
            yield return row;
        }
    }

    /// <summary>A bulk change (revoke, prune): how many rows it touched.</summary>
    public async Task<long> ExecuteAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
    }

    /// <summary>
    /// A write of one row that must still be as it was read; with <paramref name="audit"/>, the admin change's
    /// audit event goes into the same transaction.
    /// </summary>
    public async Task WriteOneAsync(string sql, object parameters, CancellationToken ct, AuditEntry? audit = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = audit is null ? null : await connection.BeginTransactionAsync(ct);
        int changed;
        try
        {
            changed = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new OpenIddictExceptions.ConcurrencyException($"Another {entityName} already uses this identifier.", ex);
        }

        if (changed != 1)
        {
            // OpenIddict's contract: the row changed (or went away) since it was read.
            throw new OpenIddictExceptions.ConcurrencyException($"The {entityName} was changed or deleted by another writer.");
        }

        if (transaction is not null)
        {
            await AuditStore.AppendAsync(connection, transaction, audit!, ct);
            await transaction.CommitAsync(ct);
        }
    }
}
