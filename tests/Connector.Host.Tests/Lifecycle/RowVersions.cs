using Dapper;

namespace Connector.Host.Tests.Lifecycle;

/// <summary>
/// Every row version of every table, by PostgreSQL's <c>ctid</c> and <c>xmin</c>: an INSERT, an UPDATE (even one
/// that writes the same values) and a DELETE each change the set of a table, so comparing two snapshots names exactly
/// the tables something wrote to in between — a stronger check than an <c>updated_at</c> column.
/// </summary>
public sealed class RowVersions
{
    private const string TablesSql = """
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        ORDER BY table_name
        """;

    private readonly Dictionary<string, HashSet<string>> _versions;

    private RowVersions(Dictionary<string, HashSet<string>> versions) => _versions = versions;

    public static async Task<RowVersions> TakeAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var versions = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var table in await connection.QueryAsync<string>(TablesSql))
        {
            versions[table] = [.. await connection.QueryAsync<string>($"SELECT ctid::text || '/' || xmin::text FROM \"{table}\"")];
        }

        return versions.Count == 0 ? throw new InvalidOperationException("The database has no tables.") : new RowVersions(versions);
    }

    /// <summary>The tables whose rows differ between this snapshot and <paramref name="later"/>, in name order.</summary>
    public IReadOnlyList<string> TablesChangedBy(RowVersions later) =>
        [.. _versions.Keys.Union(later._versions.Keys).Order(StringComparer.Ordinal)
            .Where(table => !_versions.GetValueOrDefault(table, []).SetEquals(later._versions.GetValueOrDefault(table, [])))];
}
