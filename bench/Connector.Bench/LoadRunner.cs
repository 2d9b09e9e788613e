using System.Diagnostics;

namespace Connector.Bench;

/// <summary>
/// Runs one operation from <c>concurrency</c> workers for a fixed time (after a warm-up) and records every
/// latency. Bounded in time and count: it stops by itself.
/// </summary>
internal static class LoadRunner
{
    public const int MaxOperations = 5_000_000;

    /// <param name="cpuOf">
    /// The process whose CPU time the operations cost, read before and after the measured phase; the figure is given
    /// per operation. Throughput on two shared cores moves 10–20 % from one run to the next; the CPU an operation
    /// takes moves far less, so it shows what a change did when the rate cannot.
    /// </param>
    public static async Task<Measurement> RunAsync(
        string name, int concurrency, TimeSpan warmUp, TimeSpan duration, Func<int, Task<bool>> operation, Process? cpuOf = null)
    {
        await RunPhaseAsync(concurrency, warmUp, operation, record: false);
        var cpuBefore = CpuTime(cpuOf);
        var stolenBefore = StolenTime.Read();
        var (latencies, errors, elapsed) = await RunPhaseAsync(concurrency, duration, operation, record: true);
        var cpu = CpuTime(cpuOf) - cpuBefore;
        return Measurement.From(name, concurrency, latencies, errors, elapsed, cpu, StolenTime.Read().PercentSince(stolenBefore));
    }

    private static TimeSpan? CpuTime(Process? process)
    {
        process?.Refresh();
        return process?.TotalProcessorTime;
    }

    private static async Task<(List<long> Latencies, int Errors, TimeSpan Elapsed)> RunPhaseAsync(
        int concurrency, TimeSpan duration, Func<int, Task<bool>> operation, bool record)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perWorker = new List<long>[concurrency];
        var errors = 0;
        var total = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var latencies = perWorker[worker] = new List<long>(4096);
            while (Stopwatch.GetTimestamp() < stopAt && Interlocked.Increment(ref total) <= MaxOperations)
            {
                var begin = Stopwatch.GetTimestamp();
                var ok = false;
                try
                {
                    ok = await operation(worker);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    ok = false;
                }

                if (record)
                {
                    latencies.Add(Stopwatch.GetTimestamp() - begin);
                }

                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return ([.. perWorker.SelectMany(l => l)], errors, elapsed);
    }
}
