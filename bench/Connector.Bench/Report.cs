using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Connector.Bench;

/// <summary>Writes the results as JSON, a Markdown table and an SVG chart of throughput and p99 by concurrency.</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(string directory, BenchResults results)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "results.json"), JsonSerializer.Serialize(results, Json));
        var markdown = Markdown(results);
        File.WriteAllText(Path.Combine(directory, "results.md"), markdown);
        File.WriteAllText(Path.Combine(directory, "chart.svg"), Chart(results.Runs));
        return markdown;
    }

    private static string Markdown(BenchResults results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {results.Machine}; {results.When:yyyy-MM-dd HH:mm} UTC; {results.Seconds} s per point after warm-up.");
        text.AppendLine().AppendLine("CPU µs: the CPU time one operation took in the process serving it (the benchmark's own for the exchanges, the host's for the rest). "
            + "Stolen: the share of the machine's CPU time the hypervisor gave to other guests during the point (steal, /proc/stat).");
        if (results.Logto is { } logto)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Logto: @logto/connector-oauth {logto.ConnectorOauth} (@logto/connector-kit {logto.ConnectorKit}) on node {logto.Node}.");
        }

        if (results.Exchanges.Count > 0)
        {
            // Every exchange figure beside its ratio to the bare loop and to Logto at the same concurrency.
            text.AppendLine();
            text.AppendLine("| exchange | concurrency | per second | ÷ bare | ÷ Logto | p50 ms | ÷ bare | ÷ Logto | p99 ms | ÷ bare | ÷ Logto | CPU µs | ÷ bare | stolen | errors |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var e in results.Exchanges)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {e.Scenario} | {e.Concurrency} | {e.PerSecond:0} | {Times(e.PerSecondVsBare)} | {Times(e.PerSecondVsLogto)} | {e.P50Ms:0.00} | {Times(e.P50VsBare)} | {Times(e.P50VsLogto)} | {e.P99Ms:0.00} | {Times(e.P99VsBare)} | {Times(e.P99VsLogto)} | {Micro(e.CpuUsPerOp)} | {Times(e.CpuVsBare)} | {Percent(e.StolenPercent)} | {e.Errors} |");
            }
        }

        var others = results.Runs.Where(r => !ExchangeComparison.Scenarios.Contains(r.Scenario)).ToList();
        if (others.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("| scenario | concurrency | per second | p50 ms | p99 ms | host CPU µs | stolen | errors |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var run in others)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {run.Scenario} | {run.Concurrency} | {run.PerSecond:0} | {run.P50Ms:0.00} | {run.P99Ms:0.00} | {Micro(run.CpuUsPerOp)} | {Percent(run.StolenPercent)} | {run.Errors} |");
            }
        }

        foreach (var note in results.Notes)
        {
            text.AppendLine().Append("- ").Append(note);
        }

        return text.AppendLine().ToString();
    }

    private static string Micro(double? microseconds) => microseconds is { } value ? value.ToString("0", CultureInfo.InvariantCulture) : "—";

    private static string Percent(double? percent) => percent is { } value ? value.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";

    /// <summary>
    /// A ratio as "54×", "1.4×", "0.71×" or "0.0040×": two significant digits below 1, so a latency far under Logto's
    /// does not print as 0.
    /// </summary>
    public static string Times(double? ratio) => ratio switch
    {
        null => "—",
        >= 10 => FormattableString.Invariant($"{ratio:0}×"),
        >= 1 => FormattableString.Invariant($"{ratio:0.0}×"),
        <= 0 => "0×",
        { } small => small.ToString("F" + Math.Min(6, 1 - (int)Math.Floor(Math.Log10(small))), CultureInfo.InvariantCulture) + "×",
    };

    /// <summary>Two panels: throughput and p99 latency against concurrency, one line per scenario.</summary>
    private static string Chart(IReadOnlyList<Measurement> runs)
    {
        const int width = 880, height = 360, panel = 400, left = 60, top = 40, plotHeight = 260;
        string[] colors = ["#0b57d0", "#c5221f", "#188038", "#e37400", "#8430ce", "#5f6368"];
        var scenarios = runs.Select(r => r.Scenario).Distinct().ToList();
        var levels = runs.Select(r => r.Concurrency).Distinct().Order().ToList();
        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="11">""");
        svg.AppendLine("""<rect width="100%" height="100%" fill="white"/>""");
        foreach (var (title, value, offset) in new (string, Func<Measurement, double>, int)[] { ("operations per second", r => r.PerSecond, 0), ("p99 latency (ms)", r => r.P99Ms, panel + 40) })
        {
            var max = Math.Max(1, runs.Max(value)) * 1.1;
            var x0 = left + offset;
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{x0}" y="20" font-size="13">{title}</text>""");
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{x0}" y1="{top + plotHeight}" x2="{x0 + panel - 80}" y2="{top + plotHeight}" stroke="#999"/>""");
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{x0}" y1="{top}" x2="{x0}" y2="{top + plotHeight}" stroke="#999"/>""");
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{x0 - 5}" y="{top + 4}" text-anchor="end">{max:0}</text>""");
            for (var i = 0; i < levels.Count; i++)
            {
                svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{X(x0, i, levels.Count)}" y="{top + plotHeight + 15}" text-anchor="middle">{levels[i]}</text>""");
            }

            for (var s = 0; s < scenarios.Count; s++)
            {
                var points = levels.Select((level, i) => (i, run: runs.FirstOrDefault(r => r.Scenario == scenarios[s] && r.Concurrency == level)))
                    .Where(p => p.run is not null)
                    .Select(p => FormattableString.Invariant($"{X(x0, p.i, levels.Count)},{top + plotHeight - (value(p.run!) / max * plotHeight):0.0}"));
                svg.AppendLine(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{colors[s % colors.Length]}" stroke-width="2" points="{string.Join(' ', points)}"/>""");
            }
        }

        for (var s = 0; s < scenarios.Count; s++)
        {
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{left + s * 140}" y="{height - 8}" fill="{colors[s % colors.Length]}">■ {scenarios[s]}</text>""");
        }

        return svg.AppendLine("</svg>").ToString();

        static int X(int x0, int index, int count) => x0 + 20 + (count == 1 ? 0 : index * (panel - 120) / (count - 1));
    }
}

internal sealed record BenchResults(
    MachineInfo Machine, DateTime When, int Seconds, LogtoVersions? Logto, IReadOnlyList<ExchangeComparison> Exchanges,
    IReadOnlyList<Measurement> Runs, IReadOnlyList<string> Notes);
