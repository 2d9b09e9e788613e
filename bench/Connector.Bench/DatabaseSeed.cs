using System.Diagnostics;
using Npgsql;

namespace Connector.Bench;

/// <summary>Runs one seeding statement straight against the database, with its <c>@Count</c>, and says how long it took.</summary>
internal static class DatabaseSeed
{
    public static async Task<TimeSpan> RunAsync(string database, string sql, int count, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = (int)timeout.TotalSeconds };
        command.Parameters.AddWithValue("Count", count);
        await command.ExecuteNonQueryAsync();
        return Stopwatch.GetElapsedTime(started);
    }
}
