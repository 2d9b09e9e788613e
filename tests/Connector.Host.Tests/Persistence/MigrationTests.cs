using System.Net;
using Connector.Host.Persistence;
using Connector.Host.Tests.Infrastructure;
using Dapper;

namespace Connector.Host.Tests.Persistence;

public sealed class MigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void EmbeddedMigrations_AreExactlyTheFilesInDbMigrations()
    {
        var folder = FindMigrationsFolder();
        var files = Directory.GetFiles(folder, "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(files, new MigrationScripts().All.Select(script => script.Name));
    }

    [Fact]
    public async Task Start_OnAFreshDatabase_AppliesAndRecordsEveryMigration()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new HostFactory(database.ConnectionString);

        host.CreateClient().Dispose();

        await using var connection = await database.OpenAsync();
        var names = await connection.QueryAsync<string>("SELECT name FROM schema_migrations ORDER BY version");
        Assert.Equal(new MigrationScripts().All.Select(script => script.Name), names);
    }

    [Fact]
    public async Task Restart_OnAMigratedDatabase_AppliesNothingAgain()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var first = new HostFactory(database.ConnectionString))
        {
            first.CreateClient().Dispose();
        }

        await using var connection = await database.OpenAsync();
        var before = await connection.QueryAsync<DateTime>("SELECT applied_at FROM schema_migrations ORDER BY version");
        await using (var second = new HostFactory(database.ConnectionString))
        {
            second.CreateClient().Dispose();
        }

        Assert.Equal(before, await connection.QueryAsync<DateTime>("SELECT applied_at FROM schema_migrations ORDER BY version"));
    }

    [Fact]
    public async Task Start_AfterAnAppliedMigrationWasEdited_FailsNamingTheFile()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var first = new HostFactory(database.ConnectionString))
        {
            first.CreateClient().Dispose();
        }

        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 2");
        }

        await using var second = new HostFactory(database.ConnectionString);
        var error = Record.Exception(() => second.CreateClient());

        Assert.Contains("0002_connectors.sql was changed after it was applied", Messages.OfFailedStart(second, error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_WithAMigrationNotRecorded_Returns503()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new HostFactory(database.ConnectionString);
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz", Ct)).StatusCode);

        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Ct)).StatusCode);
    }

    private static string FindMigrationsFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "db", "migrations");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("db/migrations not found above the test output folder.");
    }
}
