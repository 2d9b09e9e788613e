namespace Connector.Host.Audit;

/// <summary>A failed event and what the provider said in it (<c>details.providerError</c>, <c>…Description</c>, <c>…Status</c>), if anything.</summary>
internal sealed record ProviderFailureRow
{
    public DateTime OccurredAt { get; init; }
    public required string Outcome { get; init; }
    public string? ProviderError { get; init; }
    public string? ProviderErrorDescription { get; init; }
    public int? ProviderStatus { get; init; }
}
