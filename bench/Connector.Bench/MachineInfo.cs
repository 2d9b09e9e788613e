using System.Globalization;
using System.Runtime.InteropServices;

namespace Connector.Bench;

/// <summary>What the numbers were measured on, read from /proc and the runtime (Linux only, like the rest of the benchmark).</summary>
internal sealed record MachineInfo(string Cpu, int Cores, double MemoryGiB, string Os, string Dotnet, string? Node)
{
    public static MachineInfo Read(string? node) => new(
        ProcLine("/proc/cpuinfo", "model name")?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        Math.Round(long.Parse(ProcLine("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] ?? "0", CultureInfo.InvariantCulture) / 1048576.0, 1),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        node);

    public override string ToString() => FormattableString.Invariant(
        $"{Cpu}, {Cores} cores, {MemoryGiB:0.0} GiB, {Os}; {Dotnet}{(Node is null ? "" : $", node {Node}")}");

    private static string? ProcLine(string path, string key) =>
        File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) : null;
}
