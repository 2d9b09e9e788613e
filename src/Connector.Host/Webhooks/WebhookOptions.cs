namespace Connector.Host.Webhooks;

/// <summary>How webhooks are delivered (<c>Connectors:Webhooks</c>, <c>docs/configuration.md</c>).</summary>
internal sealed class WebhookOptions
{
    public const string Section = "Connectors:Webhooks";

    /// <summary>Connect plus whole-answer time of one delivery attempt; past it the attempt failed.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts per delivery, the first included; after the last failed one the delivery is dead.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long the delivery log keeps an attempt.</summary>
    public int DeliveryLogDays { get; set; } = 30;

    /// <summary>The wait before the second attempt; each later wait doubles, up to <see cref="RetryMaxSeconds"/>.</summary>
    public int RetryBaseSeconds { get; set; } = 10;

    /// <summary>The longest wait between two attempts.</summary>
    public int RetryMaxSeconds { get; set; } = 3600;

    /// <summary>
    /// How often an instance looks for due deliveries when nothing woke it: the fallback for a notification that was
    /// missed (the listening connection was away).
    /// </summary>
    public int PollSeconds { get; set; } = 30;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>
    /// How long a claimed delivery stays with the instance that claimed it: the attempt's timeout and time to record
    /// it. An instance that stops or dies mid-attempt records nothing; when its claim runs out, any instance retries.
    /// </summary>
    public TimeSpan Lease => Timeout + TimeSpan.FromSeconds(30);
}
