namespace Connector.Host.Webhooks;

/// <summary>Body of <c>POST /api/webhooks</c>; also the shape a <c>PATCH</c> must leave the webhook in.</summary>
internal sealed record WebhookRequest
{
    /// <summary>Where deliveries are POSTed: https, or http on loopback with <c>Connectors:AllowInsecureEndpoints</c>.</summary>
    public string? Url { get; init; }

    /// <summary>The event types (<c>Events/DomainEventTypes</c>) this webhook receives; at least one.</summary>
    public IReadOnlyList<string>? Events { get; init; }

    /// <summary>Default <c>true</c>; a disabled webhook is sent nothing, and what was queued for it is dropped.</summary>
    public bool? Enabled { get; init; }
}
