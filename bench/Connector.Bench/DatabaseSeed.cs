using System.Diagnostics;
using Npgsql;

namespace Connector.Bench;

/// <summary>
/// Runs one seeding statement straight against the database, with its <c>@Count</c>, then settles the tables it filled,
/// and says how long it all took.
/// </summary>
internal static class DatabaseSeed
{
    public static async Task<TimeSpan> RunAsync(string database, string sql, int count, TimeSpan timeout, params string[] tables)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand(sql, connection) { CommandTimeout = (int)timeout.TotalSeconds })
        {
            command.Parameters.AddWithValue("Count", count);
            await command.ExecuteNonQueryAsync();
        }

        // A table millions of rows bigger than at its last vacuum gets one from autovacuum a minute or two later
        // (autovacuum_vacuum_insert_threshold): on 2026-12-02 the audit table's ended two minutes after its seed, in the
        // middle of the scale point's sign-ins. A database that has held these rows for a while has had that vacuum, so the seed does
        // it now (VACUUM cannot run in a transaction block: one command each), then a checkpoint, so the first writes
        // after it are not also writing the seed's pages out.
        foreach (var statement in tables.Select(t => $"VACUUM (ANALYZE) {t}").Append("CHECKPOINT"))
        {
            await using var settle = new NpgsqlCommand(statement, connection) { CommandTimeout = (int)timeout.TotalSeconds };
            await settle.ExecuteNonQueryAsync();
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
