using System.Text.Json.Nodes;

namespace Connector.Host.Connectors.Presets;

/// <summary>One catalogue preset (<c>presets/{id}.json</c>): a provider's connector config without client credentials.</summary>
internal sealed record ConnectorPreset(string Id, string Name, string Docs, IReadOnlyList<string> Notes, JsonObject Config);
