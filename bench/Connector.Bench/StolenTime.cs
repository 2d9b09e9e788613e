using System.Globalization;

namespace Connector.Bench;

/// <summary>
/// The share of the machine's CPU time the hypervisor gave to other guests (steal, the eighth field of /proc/stat's
/// <c>cpu</c> line, proc(5)). On a shared virtual machine it is what moves one run's numbers from the next: a point
/// measured while it was high is a point measured on fewer cores.
/// </summary>
internal readonly record struct StolenTime(long Steal, long Total)
{
    public static StolenTime Read()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal; guest time is already counted in user.
        return new StolenTime(fields[7], fields.Sum());
    }

    /// <summary>Steal as a percentage of all CPU time since <paramref name="before"/>.</summary>
    public double PercentSince(StolenTime before) =>
        Total > before.Total ? Math.Round(100.0 * (Steal - before.Steal) / (Total - before.Total), 1) : 0;
}
