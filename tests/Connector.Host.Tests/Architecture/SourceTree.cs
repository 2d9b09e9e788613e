namespace Connector.Host.Tests.Architecture;

/// <summary>The repository's own files, found from the test binary's folder upwards (the folder holding <c>Connectors.sln</c>).</summary>
internal static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string HostFolder => Path.Combine(Root, "src", "Connector.Host");

    /// <summary>The host's C# and Razor sources, build output left out, with their paths relative to the host folder.</summary>
    public static IReadOnlyList<(string Path, string Text)> HostSources() =>
        [.. Directory.EnumerateFiles(HostFolder, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(HostFolder, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("bin/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal))
            .Select(path => (path, File.ReadAllText(Path.Combine(HostFolder, path))))];

    public static string Read(params string[] parts) => File.ReadAllText(Path.Combine([Root, .. parts]));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Connectors.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Connectors.sln not found above " + AppContext.BaseDirectory);
    }
}
