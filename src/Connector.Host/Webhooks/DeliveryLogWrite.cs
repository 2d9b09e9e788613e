namespace Connector.Host.Webhooks;

/// <summary>One attempt as <c>webhook_deliveries</c> records it.</summary>
internal sealed record DeliveryLogWrite(
    Guid WebhookId,
    Guid DeliveryId,
    string Event,
    int Attempt,
    DateTimeOffset AttemptedAt,
    string Outcome,
    int? StatusCode,
    int DurationMs,
    string? Error,
    DateTimeOffset? NextAttemptAt)
{
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Dead = "dead";
}
