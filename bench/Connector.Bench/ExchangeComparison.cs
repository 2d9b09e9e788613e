namespace Connector.Bench;

/// <summary>
/// One exchange scenario (engine, bare HttpClient loop, Logto's connector) at one concurrency, with each figure also as a
/// ratio to the bare loop and to Logto at the same concurrency. Throughput ratios above 1 are faster; latency ratios
/// below 1 are faster, and so are CPU ratios (the CPU time of one exchange in the process making it). A ratio is null
/// when its reference did not run.
/// </summary>
internal sealed record ExchangeComparison(
    string Scenario, int Concurrency, int Errors,
    double PerSecond, double? PerSecondVsBare, double? PerSecondVsLogto,
    double P50Ms, double? P50VsBare, double? P50VsLogto,
    double P99Ms, double? P99VsBare, double? P99VsLogto,
    double? CpuUsPerOp, double? CpuVsBare, double? StolenPercent)
{
    public const string Engine = "engine";
    public const string Bare = "bare HttpClient";
    public static readonly string[] Scenarios = [Engine, Bare, LogtoScenario.Name];

    public static IReadOnlyList<ExchangeComparison> From(IReadOnlyList<Measurement> runs) =>
    [
        .. runs.Where(r => Scenarios.Contains(r.Scenario)).OrderBy(r => r.Concurrency).ThenBy(r => Array.IndexOf(Scenarios, r.Scenario)).Select(run =>
        {
            var bare = runs.FirstOrDefault(r => r.Scenario == Bare && r.Concurrency == run.Concurrency);
            var logto = runs.FirstOrDefault(r => r.Scenario == LogtoScenario.Name && r.Concurrency == run.Concurrency);
            return new ExchangeComparison(run.Scenario, run.Concurrency, run.Errors,
                run.PerSecond, Ratio(run.PerSecond, bare?.PerSecond), Ratio(run.PerSecond, logto?.PerSecond),
                run.P50Ms, Ratio(run.P50Ms, bare?.P50Ms), Ratio(run.P50Ms, logto?.P50Ms),
                run.P99Ms, Ratio(run.P99Ms, bare?.P99Ms), Ratio(run.P99Ms, logto?.P99Ms),
                run.CpuUsPerOp, Ratio(run.CpuUsPerOp, bare?.CpuUsPerOp), run.StolenPercent);
        }),
    ];

    private static double? Ratio(double? value, double? reference) => value is { } v && reference is > 0 ? Math.Round(v / reference.Value, 4) : null;
}
