using Dapper;

namespace Connector.Host.Tests.Infrastructure;

/// <summary>Every row of every table of a test database, as PostgreSQL's text form (bytea appears as <c>\x…</c> hex).</summary>
public static class DatabaseDump
{
    private const string TablesSql = """
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        ORDER BY table_name
        """;

    public static async Task<string> AllRowsAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var tables = (await connection.QueryAsync<string>(TablesSql)).ToList();
        Assert.Contains("connectors", tables);
        var dump = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            foreach (var row in await connection.QueryAsync<string>($"SELECT t::text FROM \"{table}\" t"))
            {
                dump.Append(table).Append(": ").AppendLine(row);
            }
        }

        return dump.ToString();
    }
}
