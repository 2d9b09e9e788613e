namespace Connector.Host.Console.Dashboard;

/// <summary>One connector's successful sign-ins per day (or, when <see cref="IsOther"/>, those of the connectors beyond the busiest).</summary>
public sealed record ConnectorSeries(string Name, int Slot, bool IsOther, IReadOnlyList<long> PerDay)
{
    public long Total => PerDay.Sum();
}
