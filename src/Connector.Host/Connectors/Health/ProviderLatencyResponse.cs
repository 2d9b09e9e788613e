namespace Connector.Host.Connectors.Health;

/// <summary>Provider call latency over the window, all endpoints together and per endpoint kind (<c>token</c>, <c>userinfo</c>).</summary>
internal sealed record ProviderLatencyResponse(long Calls, double? P50Ms, double? P95Ms, IReadOnlyDictionary<string, LatencyResponse> ByEndpoint);
