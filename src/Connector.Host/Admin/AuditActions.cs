namespace Connector.Host.Admin;

/// <summary>Audit action names and outcomes; stable, shown by <c>GET /api/audit</c>.</summary>
internal static class AuditActions
{
    public const string ConnectorCreated = "connector.created";
    public const string ConnectorUpdated = "connector.updated";
    public const string ConnectorDeleted = "connector.deleted";

    public const string Success = "success";
}
