using System.Text.RegularExpressions;

namespace Connector.Host.Tests.Architecture;

/// <summary>
/// The seams between the host's feature folders (<c>docs/architecture.md</c>): no two folders depend on each
/// other, even through a third; each table is written by one store and read only inside its feature; pages
/// come from the page kit, never from HTML in strings.
/// </summary>
public sealed partial class FeatureFolderTests
{
    [Fact]
    public void FeatureFolders_DependOnEachOther_WithoutACycle()
    {
        var graph = Dependencies();

        var cycles = graph.Keys.Select(start => CycleFrom(start, graph)).OfType<string>().Distinct().ToList();

        Assert.True(cycles.Count == 0, "Feature folders depend on each other in a cycle: " + string.Join("; ", cycles));
        Assert.True(graph.Count >= 10, "the scan found the feature folders");
    }

    [Fact]
    public void EachTable_IsWrittenByOneStore_AndReadOnlyInsideItsFeature()
    {
        var tables = TableName().Matches(string.Join('\n', Directory.EnumerateFiles(Path.Combine(SourceTree.Root, "db", "migrations"), "*.sql").Select(File.ReadAllText)))
            .Select(match => match.Groups[1].Value).Distinct().ToList();
        var sources = SourceTree.HostSources().Where(source => source.Path.EndsWith(".cs", StringComparison.Ordinal)).ToList();
        var problems = new List<string>();

        foreach (var table in tables)
        {
            var writers = sources.Where(source => Regex.IsMatch(source.Text, $@"(INSERT INTO|UPDATE|DELETE FROM)\s+{table}\b"))
                .Select(source => StoreOf(source.Path)).Distinct().ToList();
            var readers = sources.Where(source => Regex.IsMatch(source.Text, $@"(FROM|JOIN|INTO|UPDATE)\s+{table}\b|to_regclass\('{table}'\)"))
                .Select(source => Feature(source.Path)).Distinct().ToList();
            if (writers.Count > 1)
            {
                problems.Add($"{table} is written by {string.Join(", ", writers)}");
            }

            if (readers.Count > 1)
            {
                problems.Add($"{table} is read in {string.Join(", ", readers)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("; ", problems));
        Assert.Contains("users", tables);
    }

    [Fact]
    public void NoSourceFile_BuildsHtmlInAString()
    {
        var offenders = SourceTree.HostSources()
            .Where(source => source.Path.EndsWith(".cs", StringComparison.Ordinal) && HtmlDocument().IsMatch(source.Text))
            .Select(source => source.Path).ToList();

        Assert.Empty(offenders);
    }

    /// <summary>Top-level folder → the other top-level folders its files name (in a using or a qualified name).</summary>
    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (path, text) in SourceTree.HostSources().Where(source => source.Path.Contains('/', StringComparison.Ordinal)))
        {
            var feature = Feature(path);
            var uses = graph.TryGetValue(feature, out var known) ? known : graph[feature] = [];
            foreach (Match match in HostNamespace().Matches(text))
            {
                if (match.Groups[1].Value != feature)
                {
                    uses.Add(match.Groups[1].Value);
                }
            }
        }

        return graph;
    }

    private static string? CycleFrom(string start, Dictionary<string, HashSet<string>> graph)
    {
        var path = new Stack<string>();
        return Visit(start);

        string? Visit(string node)
        {
            if (path.Contains(node))
            {
                return node == start ? string.Join(" → ", path.Reverse().Append(node)) : null;
            }

            path.Push(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.Pop();
            return null;
        }
    }

    private static string Feature(string path) => path.Split('/')[0];

    /// <summary>A store and its partial files (<c>UserStore.cs</c>, <c>UserStore.SignIn.cs</c>) are one store.</summary>
    private static string StoreOf(string path) => Path.GetFileName(path).Split('.')[0];

    [GeneratedRegex(@"CREATE TABLE (\w+)")]
    private static partial Regex TableName();

    [GeneratedRegex(@"\bConnector\.Host\.(\w+)")]
    private static partial Regex HostNamespace();

    [GeneratedRegex(@"<!doctype|<html", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlDocument();
}
