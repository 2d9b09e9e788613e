namespace Connector.Bench;

/// <summary>A process's peak resident memory (VmHWM), in MiB, read from /proc.</summary>
internal static class ProcessMemory
{
    public static double PeakMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : Math.Round(long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0, 1);
    }
}
