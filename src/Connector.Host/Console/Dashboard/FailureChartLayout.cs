namespace Connector.Host.Console.Dashboard;

/// <summary>
/// Where each bar of the failures chart goes: one row per error code, most frequent first, the code above its bar
/// (so the chart is narrow enough for a phone without shrinking its labels), a bar as long as its share of the most
/// frequent, the count at its end.
/// </summary>
internal sealed record FailureChartLayout(IReadOnlyList<FailureBar> Bars, int Height)
{
    public const int Width = 360;
    private const int RowHeight = 44;
    private const int CountRoom = 44;
    private const double BarHeight = 14;

    public static FailureChartLayout For(IReadOnlyList<FailureCount> failures)
    {
        var largest = Math.Max(1, failures.Select(failure => failure.Count).DefaultIfEmpty().Max());
        var bars = failures.Select((failure, row) =>
        {
            var top = row * RowHeight;
            var length = Math.Max(2, (double)failure.Count / largest * (Width - CountRoom));
            return new FailureBar(failure, ChartScale.Svg(top + 14), ChartScale.Svg(top + 20), ChartScale.Svg(length), ChartScale.Svg(BarHeight),
                ChartScale.Svg(top + 20 + (BarHeight / 2)), ChartScale.Svg(length + 6));
        }).ToList();
        return new(bars, (failures.Count * RowHeight) - 4);
    }
}
