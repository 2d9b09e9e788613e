namespace Connector.Host.Webhooks;

/// <summary>A row of <c>webhooks</c>; <see cref="SigningKeyProtected"/> is the Data Protection ciphertext of the key.</summary>
internal sealed record WebhookRow
{
    public Guid Id { get; init; }
    public required string Url { get; init; }
    public required string[] Events { get; init; }
    public bool Enabled { get; init; }
    public required string SigningKeyProtected { get; init; }

    /// <summary>Raised by every update: a write that read an older revision changes nothing (optimistic concurrency).</summary>
    public int Revision { get; init; }

    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
