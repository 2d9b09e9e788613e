using System.Text.Json;
using Connector.Host.Events;

namespace Connector.Host.Webhooks;

/// <summary>
/// The body of a delivery (<c>docs/webhooks.md</c>), made once when the event is written and sent byte for byte on every
/// attempt, so its signature stays the same. Field names follow Logto's hook payloads (<c>hookId</c>, <c>event</c>,
/// <c>createdAt</c>, <c>userId</c>, <c>user</c>).
/// </summary>
internal sealed record WebhookPayload(
    Guid DeliveryId,
    Guid HookId,
    string Event,
    DateTimeOffset CreatedAt,
    Guid UserId,
    EventUser? User,
    string? ConnectorId)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(Guid deliveryId, Guid hookId, DomainEvent change) =>
        JsonSerializer.Serialize(new WebhookPayload(deliveryId, hookId, change.Type, change.CreatedAt, change.UserId, change.User, change.ConnectorId), Json);
}
