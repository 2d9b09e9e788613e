using Connector.Host.Audit;

namespace Connector.Host.Console.Dashboard;

/// <summary>
/// The sign-ins of the last <see cref="Days"/>, from the audit trail: the successful ones per UTC day per connector
/// (the busiest connectors each their own series, the rest together), and the failed ones by error code.
/// </summary>
public sealed record SignInActivity(IReadOnlyList<DateOnly> Days, IReadOnlyList<ConnectorSeries> Connectors, IReadOnlyList<FailureCount> Failures)
{
    /// <summary>Series with a colour of their own (<c>--series-1</c> … in <c>console.css</c>); more connectors share the last one.</summary>
    public const int Slots = 8;

    public long SignIns => Connectors.Sum(series => series.Total);

    public long Failed => Failures.Sum(failure => failure.Count);

    /// <summary>Each day's successful sign-ins, all connectors together.</summary>
    public IReadOnlyList<long> PerDay => [.. Days.Select((_, i) => Connectors.Sum(series => series.PerDay[i]))];

    /// <summary>The counts of <paramref name="days"/> days up to <paramref name="lastDay"/> (included), as <see cref="AuditStore.DailyOutcomesAsync"/> gave them.</summary>
    internal static SignInActivity From(IReadOnlyList<AuditDailyCount> counts, DateOnly lastDay, int days)
    {
        var dayList = Enumerable.Range(0, days).Select(i => lastDay.AddDays(i - days + 1)).ToList();
        var index = dayList.Select((day, i) => (day, i)).ToDictionary(pair => pair.day, pair => pair.i);
        var successes = counts.Where(count => count.Outcome == AuditOutcomes.Success && index.ContainsKey(count.Day)).ToList();
        var ranked = successes.GroupBy(count => count.Target, StringComparer.Ordinal)
            .Select(group => (Name: group.Key, Total: group.Sum(count => count.Count)))
            .OrderByDescending(connector => connector.Total).ThenBy(connector => connector.Name, StringComparer.Ordinal)
            .ToList();
        var own = ranked.Count <= Slots ? ranked : ranked[..(Slots - 1)];
        var series = own.Select((connector, slot) => Series(connector.Name, slot + 1, isOther: false, successes.Where(count => count.Target == connector.Name), index, days)).ToList();
        if (ranked.Count > own.Count)
        {
            var others = ranked.Skip(own.Count).Select(connector => connector.Name).ToHashSet(StringComparer.Ordinal);
            series.Add(Series("", Slots, isOther: true, successes.Where(count => others.Contains(count.Target)), index, days));
        }

        var failures = counts.Where(count => count.Outcome != AuditOutcomes.Success && index.ContainsKey(count.Day))
            .GroupBy(count => count.Outcome, StringComparer.Ordinal)
            .Select(group => new FailureCount(group.Key, group.Sum(count => count.Count)))
            .OrderByDescending(failure => failure.Count).ThenBy(failure => failure.Code, StringComparer.Ordinal)
            .ToList();
        return new(dayList, series, failures);
    }

    private static ConnectorSeries Series(string name, int slot, bool isOther, IEnumerable<AuditDailyCount> counts, Dictionary<DateOnly, int> index, int days)
    {
        var perDay = new long[days];
        foreach (var count in counts)
        {
            perDay[index[count.Day]] += count.Count;
        }

        return new(name, slot, isOther, perDay);
    }
}
