using Connector.OAuth2.Configuration;

namespace Connector.Host.Connectors.Api;

/// <summary>A connector that passed every check and may be stored.</summary>
internal sealed record ConnectorDraft(
    string? Id, string Name, string? LogoUrl, string? LogoDarkUrl, IReadOnlyDictionary<string, string> DisplayNames, bool Enabled,
    OAuth2ConnectorConfig Config, ConnectorSettings Settings)
{
    /// <summary>The catalogue preset the create started from, recorded in the audit trail; null without one.</summary>
    public string? Preset { get; init; }
}
