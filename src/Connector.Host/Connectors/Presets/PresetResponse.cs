using System.Text.Json.Nodes;

namespace Connector.Host.Connectors.Presets;

/// <summary>
/// A preset as <c>GET /api/connector-presets</c> shows it: the config to start from, without client credentials, the
/// parameters a create must give (<c>presetParameters</c>; written <c>{name}</c> in the config), and the host paths of
/// its logos (light and dark background).
/// </summary>
internal sealed record PresetResponse(
    string Id,
    string Name,
    string Docs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<PresetParameterResponse> Parameters,
    JsonObject Config,
    string LogoUrl,
    string LogoDarkUrl)
{
    /// <summary>A copy of the config: the catalogue's node stays unshared.</summary>
    public static PresetResponse From(ConnectorPreset preset) =>
        new(preset.Id, preset.Name, preset.Docs, preset.Notes,
            [.. preset.Parameters.Select(p => new PresetParameterResponse(p.Name, p.Kind, p.Description, p.Example))],
            preset.Config.DeepClone().AsObject(), preset.LogoUrl, preset.LogoDarkUrl);
}

/// <summary>One value a preset needs: <c>host</c> (a host name, optionally with a port) or <c>segment</c> (one path segment).</summary>
internal sealed record PresetParameterResponse(string Name, string Kind, string Description, string Example);
