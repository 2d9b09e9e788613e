using Connector.Host.Configuration;
using Connector.Host.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Connector.Host.Tests.Persistence;

/// <summary>
/// The host's data source prepares what it runs often and keeps it across uses of a pooled connection, unless the
/// connection string says otherwise: read from PostgreSQL's own view of the connection's prepared statements.
/// </summary>
public sealed class DataSourceSettingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("", true)]
    [InlineData(";Max Auto Prepare=0", false)]
    public async Task AStatementRunOftenOnPooledConnections_StaysPrepared_UnlessTheConnectionStringSaysOtherwise(string extra, bool prepared)
    {
        await using var database = await TestDatabase.CreateAsync();
        // One pooled connection, so every use below takes the same one back.
        var pooled = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = true, MaxPoolSize = 1 }.ConnectionString;
        await using var services = new ServiceCollection()
            .AddLogging()
            .Configure<DatabaseOptions>(options => options.ConnectionString = pooled + extra)
            .AddConnectorsPersistence()
            .BuildServiceProvider();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();

        for (var use = 0; use < 8; use++)
        {
            await using var connection = await dataSource.OpenConnectionAsync(Ct);
            Assert.Equal(use, await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT @Use /* prepared-probe */", new { Use = use }, cancellationToken: Ct)));
        }

        await using var last = await dataSource.OpenConnectionAsync(Ct);
        var kept = await last.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%prepared-probe%' AND statement NOT LIKE '%pg_prepared_statements%'", cancellationToken: Ct));
        Assert.Equal(prepared ? 1 : 0, kept);
    }
}
