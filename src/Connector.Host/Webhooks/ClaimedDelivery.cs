namespace Connector.Host.Webhooks;

/// <summary>A row of <c>webhook_outbox</c> this instance has leased: its <see cref="Attempt"/> is the one under way.</summary>
internal sealed record ClaimedDelivery
{
    public Guid Id { get; init; }
    public Guid WebhookId { get; init; }
    public required string Event { get; init; }
    public required string Payload { get; init; }
    public int Attempt { get; init; }
}
