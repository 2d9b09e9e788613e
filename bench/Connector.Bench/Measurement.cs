using System.Diagnostics;

namespace Connector.Bench;

/// <summary>Throughput and latency of one scenario at one concurrency.</summary>
internal sealed record Measurement(string Scenario, int Concurrency, long Operations, int Errors, double PerSecond, double P50Ms, double P99Ms)
{
    public static Measurement From(string scenario, int concurrency, List<long> ticks, int errors, TimeSpan elapsed)
    {
        ticks.Sort();
        return new Measurement(scenario, concurrency, ticks.Count, errors, Math.Round(ticks.Count / elapsed.TotalSeconds, 1),
            Percentile(ticks, 0.50), Percentile(ticks, 0.99));
    }

    private static double Percentile(List<long> sorted, double quantile) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(quantile * sorted.Count) - 1)] * 1000.0 / Stopwatch.Frequency, 3);
}
