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

    /// <summary>
    /// The preset's parameters with the examples its file gives (<c>{ "domain": "dev-123456.okta.com" }</c>), as a create
    /// request's <c>presetParameters</c>; empty for a preset without any.
    /// </summary>
    public static JsonObject Examples(string id) =>
        new(Read(id)["parameters"]?.AsObject().Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)JsonValue.Create(pair.Value!["example"]!.GetValue<string>()))) ?? []);

    /// <summary>The file with each <c>{parameter}</c> replaced by its example: the config a create with <see cref="Examples"/> stores.</summary>
    public static JsonObject Filled(string id)
    {
        var text = File.ReadAllText(Path.Combine(Folder.Value, id + ".json"));
        foreach (var (name, example) in Examples(id))
        {
            text = text.Replace("{" + name + "}", example!.GetValue<string>(), StringComparison.Ordinal);
        }

        return JsonNode.Parse(text)!.AsObject();
    }

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
