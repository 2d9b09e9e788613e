using Npgsql;

namespace Connector.Testing.Database;

/// <summary>The PostgreSQL server scripts/test.sh starts. Without it the database tests fail loudly: they never skip.</summary>
public static class TestPostgres
{
    public const string Variable = "CONNECTORS_TEST_POSTGRES";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests through scripts/test.sh, which starts PostgreSQL and sets it " +
                "(e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres).");

    /// <summary>A database on that server by name, unpooled (one a host is never to open, say).</summary>
    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = false }.ConnectionString;
}
