namespace Connector.Host.Configuration;

/// <summary><c>Connectors:Audit</c>: how long the audit trail is kept.</summary>
internal sealed class AuditOptions
{
    public int RetentionDays { get; set; } = 365;
}
