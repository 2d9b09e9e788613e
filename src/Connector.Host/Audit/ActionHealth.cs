namespace Connector.Host.Audit;

/// <summary>One target's events of one action over a period: counts by outcome, the latency of the calls they made, and the last failure with the provider's words.</summary>
internal sealed record ActionHealth(IReadOnlyDictionary<string, long> Outcomes, IReadOnlyList<CallLatency> Latency, ProviderFailureRow? LastProviderFailure);
