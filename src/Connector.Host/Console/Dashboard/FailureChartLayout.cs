namespace Connector.Host.Console.Dashboard;

/// <summary>
/// Where each bar of the failures chart goes: one row per error code, most frequent first, the code at the left,
/// a bar as long as its share of the most frequent, the count at its end.
/// </summary>
internal sealed record FailureChartLayout(IReadOnlyList<FailureBar> Bars, int Height)
{
    public const int Width = 560;
    public const int Left = 200;
    public const int RowHeight = 30;
    private const int CountRoom = 56;
    private const double BarHeight = 18;

    public static string ViewBoxOf(int height) => $"0 0 {Width} {height}";

    public static FailureChartLayout For(IReadOnlyList<FailureCount> failures)
    {
        var largest = Math.Max(1, failures.Select(failure => failure.Count).DefaultIfEmpty().Max());
        var bars = failures.Select((failure, row) =>
        {
            var top = 6 + (row * RowHeight);
            var length = Math.Max(2, (double)failure.Count / largest * (Width - Left - CountRoom));
            return new FailureBar(failure, ChartScale.Svg(top), ChartScale.Svg(length), ChartScale.Svg(top + (BarHeight / 2)), ChartScale.Svg(Left + length + 6), ChartScale.Svg(BarHeight));
        }).ToList();
        return new(bars, 12 + (failures.Count * RowHeight));
    }
}
