using Connector.Host.Audit;

namespace Connector.Host.Connectors.Health;

/// <summary>The answer of <c>GET /api/connectors/{id}/health</c>.</summary>
/// <param name="SignIns">Sign-ins finished at the callback in the window (refused callbacks with no known state are not sign-ins).</param>
/// <param name="Outcomes">Outcome code (<c>success</c> or an error code) → how many sign-ins ended so.</param>
/// <param name="ProviderLatency">The provider calls of those sign-ins; null when there was none.</param>
/// <param name="LastProviderError">The last sign-in the provider failed, at any time the audit still holds; null when none.</param>
internal sealed record ConnectorHealthResponse(
    string ConnectorId,
    DateTimeOffset Since,
    DateTimeOffset Until,
    long SignIns,
    double? SuccessRate,
    IReadOnlyDictionary<string, long> Outcomes,
    ProviderLatencyResponse? ProviderLatency,
    ProviderErrorResponse? LastProviderError)
{
    public static ConnectorHealthResponse From(string connectorId, DateTimeOffset since, DateTimeOffset until, ActionHealth health)
    {
        var total = health.Outcomes.Values.Sum();
        var succeeded = health.Outcomes.GetValueOrDefault(AuditOutcomes.Success);
        var overall = health.Latency.FirstOrDefault(row => row.Endpoint is null);
        return new(connectorId, since, until, total, total == 0 ? null : (double)succeeded / total,
            new SortedDictionary<string, long>(health.Outcomes.ToDictionary(), StringComparer.Ordinal),
            overall is null ? null : new ProviderLatencyResponse(overall.Calls, Round(overall.P50Ms), Round(overall.P95Ms),
                new SortedDictionary<string, LatencyResponse>(
                    health.Latency.Where(row => row.Endpoint is not null)
                        .ToDictionary(row => row.Endpoint!, row => new LatencyResponse(row.Calls, Round(row.P50Ms), Round(row.P95Ms))),
                    StringComparer.Ordinal)),
            health.LastProviderFailure is { } failure
                ? new ProviderErrorResponse(new DateTimeOffset(failure.OccurredAt, TimeSpan.Zero), failure.Outcome,
                    failure.ProviderError, failure.ProviderErrorDescription, failure.ProviderStatus)
                : null);
    }

    private static double? Round(double? ms) => ms is { } value ? Math.Round(value, 1) : null;
}
