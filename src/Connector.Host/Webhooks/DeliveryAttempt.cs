namespace Connector.Host.Webhooks;

/// <summary>What one POST to a receiver came to: a 2xx answer, or why not (no answer body, no secret).</summary>
/// <param name="StatusCode">The receiver's status; null when it never answered.</param>
/// <param name="Error">Short and ours: <c>http_500</c>, <c>timeout</c>, <c>forbidden_address: …</c>, <c>connection_failed: …</c>.</param>
internal sealed record DeliveryAttempt(bool Succeeded, int? StatusCode, long DurationMs, string? Error);
