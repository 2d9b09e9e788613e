using System.Text.Json.Nodes;

namespace Connector.Host.Connectors.Presets;

/// <summary>
/// A preset as <c>GET /api/connector-presets</c> shows it: the config to start from, without client credentials, and
/// the host paths of its logos (light and dark background).
/// </summary>
internal sealed record PresetResponse(
    string Id, string Name, string Docs, IReadOnlyList<string> Notes, JsonObject Config, string LogoUrl, string LogoDarkUrl)
{
    /// <summary>A copy of the config: the catalogue's node stays unshared.</summary>
    public static PresetResponse From(ConnectorPreset preset) =>
        new(preset.Id, preset.Name, preset.Docs, preset.Notes, preset.Config.DeepClone().AsObject(), preset.LogoUrl, preset.LogoDarkUrl);
}
