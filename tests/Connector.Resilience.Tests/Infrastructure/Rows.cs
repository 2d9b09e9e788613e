using Dapper;
using Npgsql;

namespace Connector.Resilience.Tests.Infrastructure;

/// <summary>What the database holds, read without a pool (the host's pool is the one under test).</summary>
public sealed class Rows(string connectionString)
{
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        return [.. await connection.QueryAsync<T>(sql)];
    }

    /// <summary>A user with no identity, a user with two, or an identity with no user: any of these is a partial write.</summary>
    public Task<long> PartialRowsAsync() => CountAsync("""
        SELECT (SELECT count(*) FROM users u WHERE (SELECT count(*) FROM user_identities i WHERE i.user_id = u.id) <> 1)
             + (SELECT count(*) FROM user_identities i WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = i.user_id))
        """);
}
