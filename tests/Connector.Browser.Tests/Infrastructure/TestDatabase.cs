using Dapper;
using Npgsql;

namespace Connector.Browser.Tests.Infrastructure;

/// <summary>A fresh, empty database on the server scripts/test.sh starts; the host migrates it. Dropped on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Variable = "CONNECTORS_TEST_POSTGRES";

    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = false }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run the browser tests through scripts/test.sh, which starts PostgreSQL and sets it.");

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase($"connectors_test_{Guid.NewGuid():N}");
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.ExecuteAsync($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
