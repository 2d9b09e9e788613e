using System.Xml.Linq;
using Connector.Host.Pages;

namespace Connector.Host.Console.Dashboard;

/// <summary>The failures chart as inline SVG (see <see cref="SignInChartSvg"/> for why it is built here): a row per error code.</summary>
internal static class FailureChartSvg
{
    public static string Render(SignInActivity activity, PageText text)
    {
        var layout = FailureChartLayout.For(activity.Failures);
        var top = activity.Failures[0];
        var svg = ChartSvg.Root("chart failures", FailureChartLayout.Width, layout.Height, "failures-chart",
            text.Format("console.dashboard.failures.chartTitle", ChartSvg.Day(activity.Days[0]), ChartSvg.Day(activity.Days[^1])),
            text.Format("console.dashboard.failures.desc", activity.Failed, top.Code, top.Count));
        foreach (var bar in layout.Bars)
        {
            svg.Add(ChartSvg.Text("code", "0", bar.LabelY, "start", bar.Failure.Code, shift: false));
            svg.Add(new XElement("rect",
                new XAttribute("class", "bar failure"),
                new XAttribute("x", 0), new XAttribute("y", bar.Y), new XAttribute("width", bar.Length), new XAttribute("height", bar.Thickness),
                new XAttribute("data-code", bar.Failure.Code), new XAttribute("data-count", bar.Failure.Count),
                new XElement("title", text.Format("console.dashboard.failures.bar", bar.Failure.Code, bar.Failure.Count))));
            svg.Add(ChartSvg.Text("count", bar.CountX, bar.Middle, "start", bar.Failure.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return svg.ToString(SaveOptions.DisableFormatting);
    }
}
