using System.Globalization;
using System.Xml.Linq;
using Connector.Host.Pages;

namespace Connector.Host.Console.Dashboard;

/// <summary>
/// The sign-ins chart as inline SVG, built here rather than in Razor markup (whose <c>&lt;text&gt;</c> is its own
/// keyword): an image (<c>role="img"</c>) named by its <c>&lt;title&gt;</c> and described by its <c>&lt;desc&gt;</c>,
/// each column part with a title of its own for pointer users. Every string is an XML text or attribute value, so a
/// connector id is escaped as in any page; colours come from CSS classes only (the CSP allows no inline style).
/// </summary>
internal static class SignInChartSvg
{
    public static string Render(SignInActivity activity, PageText text)
    {
        var layout = SignInChartLayout.For(activity);
        var svg = ChartSvg.Root("chart sign-ins", SignInChartLayout.Width, SignInChartLayout.Height, "sign-ins-chart",
            text.Format("console.dashboard.signIns.chartTitle", ChartSvg.Day(activity.Days[0]), ChartSvg.Day(activity.Days[^1])),
            Description(activity, text));
        foreach (var tick in layout.Ticks)
        {
            svg.Add(new XElement("line", new XAttribute("class", "grid"), new XAttribute("x1", SignInChartLayout.Left), new XAttribute("x2", SignInChartLayout.AxisEnd),
                new XAttribute("y1", tick.Y), new XAttribute("y2", tick.Y)));
            svg.Add(ChartSvg.Text("tick", (SignInChartLayout.Left - 6).ToString(CultureInfo.InvariantCulture), tick.Y, "end", tick.Value.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var bar in layout.Bars)
        {
            svg.Add(new XElement("rect",
                new XAttribute("class", $"bar series-{bar.Series.Slot}"),
                new XAttribute("x", bar.X), new XAttribute("y", bar.Y), new XAttribute("width", bar.Width), new XAttribute("height", bar.Height),
                new XAttribute("data-connector", bar.Series.IsOther ? "" : bar.Series.Name), new XAttribute("data-day", ChartSvg.Day(bar.Day)),
                new XAttribute("data-count", bar.Count),
                new XElement("title", text.Format("console.dashboard.signIns.bar", NameOf(bar.Series, text), ChartSvg.Day(bar.Day), bar.Count))));
        }

        var labelY = (SignInChartLayout.Bottom + 18).ToString(CultureInfo.InvariantCulture);
        foreach (var label in layout.DayLabels)
        {
            svg.Add(ChartSvg.Text("day", label.X, labelY, "middle", label.Text, shift: false));
        }

        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>A connector's name in the legend, the table and the bars' titles; the connectors beyond the busiest together.</summary>
    public static string NameOf(ConnectorSeries series, PageText text) => series.IsOther ? text["console.dashboard.otherConnectors"] : series.Name;

    private static string Description(SignInActivity activity, PageText text)
    {
        var (count, day) = activity.PerDay.Select((count, day) => (count, day)).MaxBy(pair => pair.count);
        return text.Format("console.dashboard.signIns.desc", activity.SignIns, ChartSvg.Day(activity.Days[day]), count);
    }
}
