using Dapper;
using Npgsql;

namespace Connector.Host.Tests.Infrastructure;

/// <summary>A fresh, empty database of its own; the host under test migrates it. Dropped on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = TestPostgres.ConnectionStringFor(name);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase($"connectors_test_{Guid.NewGuid():N}");
        await using var connection = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        await connection.ExecuteAsync($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        await connection.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
