namespace Connector.Host.Connectors;

/// <summary>The connectors feature's log events (ids 4000–4099).</summary>
internal static partial class ConnectorsLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Connector {ConnectorId} created by {Actor}")]
    public static partial void ConnectorCreated(ILogger logger, string connectorId, string actor);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Connector {ConnectorId} updated by {Actor} ({Changed})")]
    public static partial void ConnectorUpdated(ILogger logger, string connectorId, string actor, IEnumerable<string> changed);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Connector {ConnectorId} deleted by {Actor}")]
    public static partial void ConnectorDeleted(ILogger logger, string connectorId, string actor);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Discovery at {Host} failed: {Code} (provider status {ProviderStatus})")]
    public static partial void DiscoveryFailed(ILogger logger, string host, string code, int? providerStatus);
}
