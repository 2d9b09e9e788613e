namespace Connector.Host.Audit;

/// <summary>Percentiles of the provider calls recorded in events' <c>details.providerCalls</c>; <see cref="Endpoint"/> null for all endpoints together.</summary>
internal sealed record CallLatency
{
    public string? Endpoint { get; init; }
    public long Calls { get; init; }
    public double? P50Ms { get; init; }
    public double? P95Ms { get; init; }
}
