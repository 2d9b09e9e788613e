namespace Connector.Host.Webhooks;

/// <summary>
/// The webhooks feature's log events (ids 5200–5299). A webhook is named by its id, never by its URL (a URL may carry
/// a receiver's token in its query); no payload, no signing key, no answer body.
/// </summary>
internal static partial class WebhooksLog
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Debug, Message = "Delivery {DeliveryId} ({Event}) to webhook {WebhookId} delivered at attempt {Attempt}: {StatusCode} in {DurationMs} ms")]
    public static partial void Delivered(ILogger logger, Guid deliveryId, string @event, Guid webhookId, int attempt, int statusCode, long durationMs);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Event}) to webhook {WebhookId} failed at attempt {Attempt} (status {StatusCode}, {Error}); next attempt at {NextAttemptAt:O}")]
    public static partial void AttemptFailed(ILogger logger, Guid deliveryId, string @event, Guid webhookId, int attempt, int? statusCode, string? error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Error, Message = "Delivery {DeliveryId} ({Event}) to webhook {WebhookId} given up after {Attempt} attempts (status {StatusCode}, {Error})")]
    public static partial void DeliveryDead(ILogger logger, Guid deliveryId, string @event, Guid webhookId, int attempt, int? statusCode, string? error);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Information, Message = "Delivery {DeliveryId} to webhook {WebhookId} dropped: the webhook is gone, disabled or no longer subscribed to {Event}")]
    public static partial void DeliveryDropped(ILogger logger, Guid deliveryId, Guid webhookId, string @event);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Information, Message = "Stopping with {Count} deliveries in flight; their leases run out and another instance delivers them")]
    public static partial void DeliveriesAbandoned(ILogger logger, int count);

    [LoggerMessage(EventId = 5206, Level = LogLevel.Warning, Message = "Webhook delivery could not reach the database; trying again shortly")]
    public static partial void DispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5207, Level = LogLevel.Warning, Message = "Lost the database notification channel; polling until it is back")]
    public static partial void ListenerLost(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5208, Level = LogLevel.Trace, Message = "Nothing more to deliver now; waiting for a notification or until {WakeAt:O}")]
    public static partial void Idle(ILogger logger, DateTimeOffset wakeAt);

    [LoggerMessage(EventId = 5209, Level = LogLevel.Debug, Message = "Listening for the database's notifications: deliveries to start, webhooks changed")]
    public static partial void Listening(ILogger logger);

    [LoggerMessage(EventId = 5211, Level = LogLevel.Debug, Message = "A webhook changed on some instance: the copy of the subscriptions is forgotten")]
    public static partial void SubscriptionsChanged(ILogger logger);

    [LoggerMessage(EventId = 5210, Level = LogLevel.Information, Message = "Webhook {WebhookId} {Action} by {Actor}")]
    public static partial void WebhookChanged(ILogger logger, Guid webhookId, string action, string actor);

    [LoggerMessage(EventId = 5220, Level = LogLevel.Debug, Message = "Deleted {Count} delivery log entries older than {Days} days")]
    public static partial void DeliveryLogPruned(ILogger logger, int count, int days);
}
