using Connector.Host.Persistence;
using Connector.Host.Tests.Infrastructure;
using Dapper;

namespace Connector.Host.Tests.Persistence;

/// <summary>
/// An applied migration is never edited, except a comment in it corrected: a database that recorded the file's text
/// from before such a correction starts and records today's checksum; any other difference still stops the start.
/// </summary>
public sealed class MigrationCommentEditTests
{
    /// <summary>
    /// SHA-256 of the three files as the release before the identity lifecycle shipped them (commit 529ae47), which is
    /// what every database migrated by that release has recorded. Written out here, not read from the code that
    /// accepts them, so that dropping one from that list is caught.
    /// </summary>
    public static TheoryData<int, string, string> EarlierReleases => new()
    {
        { 3, "0003_users.sql", "01b8d36e0935aa696e65b1cecb781b3efd4ba45e6491cb02abbbb3652653cfe9" },
        { 4, "0004_sign_in_states.sql", "f33b6c152d817c5690edd4ecb74a7194ab1938fe85a794161a84f655c4b375dc" },
        { 10, "0010_oidc_stores.sql", "c646b980ef8d0fa509367b55f44615aff832d1796b567e76cf7996f7eca9e335" },
    };

    [Theory]
    [MemberData(nameof(EarlierReleases))]
    public async Task Start_WithTheChecksumOfTheTextBeforeACommentWasCorrected_StartsAndRecordsTodaysChecksum(int version, string name, string earlier)
    {
        await using var database = await MigratedDatabaseAsync();
        var before = await AppliedAsync(database);
        await RecordChecksumAsync(database, version, earlier);

        await using (var host = new HostFactory(database.ConnectionString))
        {
            host.CreateClient().Dispose();
        }

        var today = Assert.Single(new MigrationScripts().All, script => script.Version == version);
        Assert.Equal(name, today.Name);
        Assert.NotEqual(earlier, today.Checksum);
        // Today's checksum recorded, nothing applied again, nothing else touched.
        Assert.Equal(before, await AppliedAsync(database));
    }

    [Theory]
    [InlineData(3, "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(2, "01b8d36e0935aa696e65b1cecb781b3efd4ba45e6491cb02abbbb3652653cfe9")] // 0003's earlier text, recorded for 0002
    [InlineData(4, "01b8d36e0935aa696e65b1cecb781b3efd4ba45e6491cb02abbbb3652653cfe9")] // and for 0004
    [InlineData(13, "c646b980ef8d0fa509367b55f44615aff832d1796b567e76cf7996f7eca9e335")]
    public async Task Start_WithAnyOtherWrongChecksum_StillFailsNamingTheFile_AndRecordsNothing(int version, string wrong)
    {
        await using var database = await MigratedDatabaseAsync();
        await RecordChecksumAsync(database, version, wrong);
        var before = await AppliedAsync(database);
        var name = Assert.Single(new MigrationScripts().All, script => script.Version == version).Name;

        await using var host = new HostFactory(database.ConnectionString);
        var error = Record.Exception(() => host.CreateClient());

        Assert.Contains($"{name} was changed after it was applied", Messages.OfFailedStart(host, error), StringComparison.Ordinal);
        Assert.Equal(before, await AppliedAsync(database));
    }

    private static async Task<TestDatabase> MigratedDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var host = new HostFactory(database.ConnectionString);
        host.CreateClient().Dispose();
        return database;
    }

    private static async Task RecordChecksumAsync(TestDatabase database, int version, string checksum)
    {
        await using var connection = await database.OpenAsync();
        Assert.Equal(1, await connection.ExecuteAsync("UPDATE schema_migrations SET checksum = @checksum WHERE version = @version", new { version, checksum }));
    }

    private static Task<IReadOnlyList<(int Version, string Name, string Checksum, DateTime AppliedAt)>> AppliedAsync(TestDatabase database) =>
        database.QueryAsync<(int, string, string, DateTime)>("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version");
}
