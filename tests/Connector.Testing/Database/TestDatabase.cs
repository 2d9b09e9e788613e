using Dapper;
using Npgsql;

namespace Connector.Testing.Database;

/// <summary>
/// A fresh, empty database of its own (tests never share rows); the host under test migrates it. Dropped on dispose.
/// The test's own reads go through a connection of their own, never through the pool of the host under test.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _unpooled;

    private TestDatabase(string server, string name, bool pooling)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = pooling }.ConnectionString;
        _unpooled = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>What the host under test is given.</summary>
    public string ConnectionString { get; }

    /// <summary>A database on the server scripts/test.sh starts, with pooling off: many test hosts share that server.</summary>
    public static Task<TestDatabase> CreateAsync() => CreateAsync(TestPostgres.ServerConnectionString, pooling: false);

    /// <param name="serverConnectionString">A connection string to the server's maintenance database.</param>
    /// <param name="pooling">Whether the host's connection string pools (a test of the pool wants it on).</param>
    public static async Task<TestDatabase> CreateAsync(string serverConnectionString, bool pooling)
    {
        var database = new TestDatabase(serverConnectionString, $"connectors_test_{Guid.NewGuid():N}", pooling);
        await using var connection = new NpgsqlConnection(database.ServerUnpooled);
        await connection.ExecuteAsync(new CommandDefinition($"CREATE DATABASE \"{database.Name}\"", cancellationToken: Ct));
        return database;
    }

    private string ServerUnpooled => new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_unpooled);
        await connection.OpenAsync(Ct);
        return connection;
    }

    public async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(_unpooled);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: Ct));
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(_unpooled);
        return [.. await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: Ct))];
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(ServerUnpooled);
        await connection.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
