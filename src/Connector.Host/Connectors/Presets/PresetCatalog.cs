using System.Reflection;
using System.Text.Json.Nodes;

namespace Connector.Host.Connectors.Presets;

/// <summary>
/// The presets embedded from <c>presets/*.json</c> (<c>{ name, docs, parameters?, config, notes }</c>), read once. A preset is
/// data: adding a provider means adding a file, never a branch in code, and its two logos
/// (<c>presets/logos/{id}.svg</c>, <c>{id}-dark.svg</c>).
/// </summary>
/// <remarks>
/// The logos are built into wwwroot/assets/logos (served at <see cref="LogoPath"/>) and embedded from the same files,
/// so the catalogue refuses a preset without both as it is built, whatever folder the host runs from.
/// </remarks>
internal sealed class PresetCatalog
{
    private const string Prefix = "presets/";
    private const string Suffix = ".json";
    private const string LogoPrefix = "presets/logos/";

    /// <summary>Where the host serves the logos (<c>wwwroot/assets/logos</c>).</summary>
    public const string LogoPath = "/assets/logos/";

    /// <summary>Client credentials belong to the operator's app, never to a preset.</summary>
    private static readonly string[] CredentialFields = ["clientId", "clientSecret"];

    private readonly Dictionary<string, ConnectorPreset> _presets;

    public PresetCatalog()
    {
        var assembly = typeof(PresetCatalog).Assembly;
        _presets = new Dictionary<string, ConnectorPreset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(Prefix, StringComparison.Ordinal) && resource.EndsWith(Suffix, StringComparison.Ordinal))
            {
                var preset = Read(assembly, resource);
                _presets.Add(preset.Id, preset);
            }
        }

        All = [.. _presets.Values.OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    /// <summary>Every preset, sorted by id.</summary>
    public IReadOnlyList<ConnectorPreset> All { get; }

    public ConnectorPreset? Find(string id) => _presets.GetValueOrDefault(id);

    private static ConnectorPreset Read(Assembly assembly, string resource)
    {
        var id = resource[Prefix.Length..^Suffix.Length];
        var logo = Logo(assembly, id, id + ".svg");
        var logoDark = Logo(assembly, id, id + "-dark.svg");
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Preset resource '{resource}' is missing.");
        var document = JsonNode.Parse(stream)?.AsObject() ?? throw Invalid(id, "not a JSON object");
        var config = document["config"] as JsonObject ?? throw Invalid(id, "no config object");
        config = config.DeepClone().AsObject();
        foreach (var field in CredentialFields)
        {
            config.Remove(field);
        }

        var notes = document["notes"] is JsonArray list ? list.Select(note => note!.GetValue<string>()).ToArray() : [];
        return new ConnectorPreset(
            id,
            document["name"]?.GetValue<string>() ?? throw Invalid(id, "no name"),
            document["docs"]?.GetValue<string>() ?? throw Invalid(id, "no docs"),
            notes,
            config,
            logo,
            logoDark)
        {
            Parameters = Parameters(id, document["parameters"] as JsonObject, config),
        };
    }

    /// <summary>The declared parameters, each of a known kind and each used somewhere in the config.</summary>
    private static List<PresetParameter> Parameters(string id, JsonObject? declared, JsonObject config)
    {
        if (declared is null)
        {
            return [];
        }

        var text = config.ToJsonString();
        var parameters = new List<PresetParameter>();
        foreach (var (name, node) in declared)
        {
            var parameter = new PresetParameter(
                name,
                node?["kind"]?.GetValue<string>() ?? throw Invalid(id, $"parameter {name} has no kind"),
                node["description"]?.GetValue<string>() ?? throw Invalid(id, $"parameter {name} has no description"),
                node["example"]?.GetValue<string>() ?? throw Invalid(id, $"parameter {name} has no example"));
            if (!PresetParameter.Kinds.Contains(parameter.Kind) || !parameter.Accepts(parameter.Example))
            {
                throw Invalid(id, $"parameter {name} has an unknown kind or an example it refuses");
            }

            if (!text.Contains(parameter.Placeholder, StringComparison.Ordinal))
            {
                throw Invalid(id, $"parameter {name} is not used in the config");
            }

            parameters.Add(parameter);
        }

        return parameters;
    }

    /// <summary>The served path of a logo file, once it is known to be built in.</summary>
    private static string Logo(Assembly assembly, string id, string file) =>
        assembly.GetManifestResourceInfo(LogoPrefix + file) is null
            ? throw Invalid(id, $"no logo presets/logos/{file}")
            : LogoPath + file;

    private static InvalidOperationException Invalid(string id, string problem) => new($"Preset '{id}' is invalid: {problem}.");
}
