using Connector.OAuth2.Configuration;

namespace Connector.Host.Connectors;

/// <summary>A connector ready for the flow: its config with the client secret decrypted, its settings and generation.</summary>
internal sealed record LoadedConnector(
    string Id, string Name, string? LogoUrl, bool Enabled, OAuth2ConnectorConfig Config, ConnectorSettings Settings, Guid Generation);
