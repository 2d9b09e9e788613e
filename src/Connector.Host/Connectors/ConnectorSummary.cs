namespace Connector.Host.Connectors;

/// <summary>What a sign-in button shows of a connector: no config, no secret.</summary>
public sealed record ConnectorSummary(string Id, string Name, string? LogoUrl);
