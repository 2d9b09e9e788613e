namespace Connector.Host.Webhooks;

/// <summary>
/// When a failed delivery is tried again: the base wait doubled per attempt, capped, plus up to a tenth more at random,
/// so receivers that come back after an outage are not hit by every queued delivery in the same second.
/// </summary>
internal static class WebhookBackoff
{
    /// <param name="attempt">The attempt that failed, 1 for the first.</param>
    public static TimeSpan After(int attempt, WebhookOptions options)
    {
        var doublings = Math.Min(attempt - 1, 30);
        var seconds = Math.Min(options.RetryBaseSeconds * Math.Pow(2, doublings), options.RetryMaxSeconds);
        return TimeSpan.FromSeconds(seconds * (1 + (Random.Shared.NextDouble() / 10)));
    }
}
