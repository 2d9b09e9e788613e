using Npgsql;

namespace Connector.Bench;

/// <summary>
/// Rows inserted, updated and deleted in the host's database, from PostgreSQL's own statistics. Backends
/// publish them when idle, at most every 10 s (PGSTAT_IDLE_INTERVAL), so a reading waits that out first.
/// </summary>
internal static class DatabaseWrites
{
    private const string Sql = "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint FROM pg_stat_user_tables";

    public static async Task<long> ReadAsync(string connectionString)
    {
        await Task.Delay(TimeSpan.FromSeconds(11));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
