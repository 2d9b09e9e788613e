using System.Diagnostics;

namespace Connector.Bench;

/// <summary>
/// Throughput and latency of one scenario at one concurrency; the CPU time one operation took in the process that
/// serves it (null when none was measured); and the share of the machine's CPU the hypervisor took meanwhile.
/// </summary>
internal sealed record Measurement(
    string Scenario, int Concurrency, long Operations, int Errors, double PerSecond, double P50Ms, double P99Ms,
    double? CpuUsPerOp = null, double? StolenPercent = null)
{
    public static Measurement From(
        string scenario, int concurrency, List<long> ticks, int errors, TimeSpan elapsed, TimeSpan? cpu = null, double? stolenPercent = null)
    {
        ticks.Sort();
        return new Measurement(scenario, concurrency, ticks.Count, errors, Math.Round(ticks.Count / elapsed.TotalSeconds, 1),
            Percentile(ticks, 0.50), Percentile(ticks, 0.99),
            cpu is { } time && ticks.Count > 0 ? Math.Round(time.TotalMicroseconds / ticks.Count, 1) : null, stolenPercent);
    }

    private static double Percentile(List<long> sorted, double quantile) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(quantile * sorted.Count) - 1)] * 1000.0 / Stopwatch.Frequency, 3);
}
