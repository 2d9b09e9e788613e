using Connector.OAuth2.Configuration;

namespace Connector.Host.Connectors;

/// <summary>A connector ready for the engine: its config with the client secret decrypted.</summary>
internal sealed record LoadedConnector(string Id, string Name, string? LogoUrl, bool Enabled, OAuth2ConnectorConfig Config);
