using System.Globalization;

namespace Connector.Host.Console.Dashboard;

/// <summary>
/// Where each mark of the sign-ins chart goes: one column per UTC day, each a stack of the connectors' successful
/// sign-ins that day (busiest connector at the bottom), a value axis with round gridlines, a label under every day.
/// Fixed pixel size, so its 12 px labels stay legible; a narrow screen scrolls it (the table beside it has it all).
/// </summary>
internal sealed record SignInChartLayout(IReadOnlyList<ChartBar> Bars, IReadOnlyList<ChartTick> Ticks, IReadOnlyList<ChartLabel> DayLabels)
{
    public const int Width = 640;
    public const int Height = 240;
    public const int Left = 44;
    public const int Bottom = Height - 28;
    private const int Top = 12;
    private const int Right = 8;
    private const double PlotHeight = Bottom - Top;

    public static string AxisEnd => (Width - Right).ToString(CultureInfo.InvariantCulture);

    public static SignInChartLayout For(SignInActivity activity)
    {
        var scale = ChartScale.For(activity.PerDay.DefaultIfEmpty().Max());
        var band = (double)(Width - Left - Right) / activity.Days.Count;
        var barWidth = band * 0.64;
        var bars = new List<ChartBar>();
        var labels = new List<ChartLabel>();
        for (var day = 0; day < activity.Days.Count; day++)
        {
            var x = Left + (day * band) + ((band - barWidth) / 2);
            var below = 0L;
            foreach (var series in activity.Connectors.Where(series => series.PerDay[day] > 0))
            {
                var count = series.PerDay[day];
                var y = Bottom - (scale.Share(below + count) * PlotHeight);
                bars.Add(new(series, activity.Days[day], count, ChartScale.Svg(x), ChartScale.Svg(y), ChartScale.Svg(barWidth), ChartScale.Svg(scale.Share(count) * PlotHeight)));
                below += count;
            }

            labels.Add(new(activity.Days[day].ToString("MM-dd", CultureInfo.InvariantCulture), ChartScale.Svg(Left + (day * band) + (band / 2))));
        }

        var ticks = scale.Ticks.Select(value => new ChartTick(value, ChartScale.Svg(Bottom - (scale.Share(value) * PlotHeight)))).ToList();
        return new(bars, ticks, labels);
    }
}
