namespace Connector.Host.Webhooks;

/// <summary>A row of <c>webhook_deliveries</c>, as <c>GET /api/webhooks/{id}/deliveries</c> shows it.</summary>
internal sealed record DeliveryLogEntry
{
    public long Id { get; init; }
    public Guid DeliveryId { get; init; }
    public required string Event { get; init; }
    public int Attempt { get; init; }
    public DateTime AttemptedAt { get; init; }

    /// <summary><c>delivered</c>, <c>failed</c> (tried again at <see cref="NextAttemptAt"/>) or <c>dead</c> (given up).</summary>
    public required string Outcome { get; init; }

    public int? StatusCode { get; init; }
    public int DurationMs { get; init; }
    public string? Error { get; init; }
    public DateTime? NextAttemptAt { get; init; }
}
