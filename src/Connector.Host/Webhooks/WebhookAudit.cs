namespace Connector.Host.Webhooks;

/// <summary>Audit action names of the operator's changes to webhooks; stable.</summary>
internal static class WebhookAudit
{
    public const string Created = "webhook.created";
    public const string Updated = "webhook.updated";
    public const string Deleted = "webhook.deleted";
}
