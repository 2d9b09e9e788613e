namespace Connector.Host.Telemetry;

/// <summary>The telemetry feature's log events (ids 5300–5399).</summary>
internal static partial class TelemetryLog
{
    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "OpenTelemetry export by OTLP to {Endpoint} ({Signals})")]
    public static partial void OtlpExport(ILogger logger, string endpoint, string signals);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning,
        Message = "/metrics answers without an admin key (Connectors:Metrics:Anonymous): let only the scraper reach it")]
    public static partial void AnonymousMetrics(ILogger logger);
}
