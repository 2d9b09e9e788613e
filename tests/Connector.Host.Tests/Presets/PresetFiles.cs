using System.Text.Json.Nodes;

namespace Connector.Host.Tests.Presets;

/// <summary>The preset files of the repository (presets/*.json), read from disk: what the host embeds is checked against its source.</summary>
public static class PresetFiles
{
    private static readonly Lazy<string> Folder = new(FindFolder);

    public static IReadOnlyList<string> Ids =>
        [.. Directory.GetFiles(Folder.Value, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).Select(id => id!)];

    public static TheoryData<string> All => [.. Ids];

    public static JsonObject Read(string id) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder.Value, id + ".json")))!.AsObject();

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Connectors.sln")) && Directory.Exists(Path.Combine(directory.FullName, "presets")))
            {
                return Path.Combine(directory.FullName, "presets");
            }
        }

        throw new InvalidOperationException($"No presets folder above {AppContext.BaseDirectory}.");
    }
}
