namespace Connector.Host.Audit;

/// <summary>The audit trail's log events (ids 4400–4499).</summary>
internal static partial class AuditLog
{
    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "Deleted {Count} audit events older than {Days} days (Connectors:Audit:RetentionDays)")]
    public static partial void Deleted(ILogger logger, long count, int days);
}
