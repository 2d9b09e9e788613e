namespace Connector.Host.Connectors.Health;

/// <summary>How many calls, and their median and 95th percentile in milliseconds.</summary>
internal sealed record LatencyResponse(long Calls, double? P50Ms, double? P95Ms);
