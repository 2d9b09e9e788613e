using System.Text.Json.Nodes;

namespace Connector.Host.Connectors.Presets;

/// <summary>
/// One catalogue preset (<c>presets/{id}.json</c>): a provider's connector config without client credentials, and its
/// logos (<c>presets/logos/{id}.svg</c> for light backgrounds, <c>{id}-dark.svg</c> for dark ones) as the host serves them.
/// </summary>
internal sealed record ConnectorPreset(
    string Id, string Name, string Docs, IReadOnlyList<string> Notes, JsonObject Config, string LogoUrl, string LogoDarkUrl)
{
    /// <summary>What a create request must give in <c>presetParameters</c> (a domain, a realm); none for most presets.</summary>
    public IReadOnlyList<PresetParameter> Parameters { get; init; } = [];
}
