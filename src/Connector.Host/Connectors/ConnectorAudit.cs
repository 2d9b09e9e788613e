namespace Connector.Host.Connectors;

/// <summary>Audit action names of connector changes; stable, shown by <c>GET /api/audit</c>.</summary>
internal static class ConnectorAudit
{
    public const string Created = "connector.created";
    public const string Updated = "connector.updated";
    public const string Deleted = "connector.deleted";
}
