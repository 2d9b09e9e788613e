using System.Globalization;
using System.Xml.Linq;

namespace Connector.Host.Console.Dashboard;

/// <summary>The parts both dashboard charts are made of: an accessible SVG image and its labels.</summary>
internal static class ChartSvg
{
    /// <summary>
    /// An SVG image of fixed pixel size (its labels stay 12 px; a narrow screen scrolls it) named by a title and
    /// described by a desc, both referenced from <c>aria-labelledby</c> as the SVG accessibility mappings advise.
    /// </summary>
    public static XElement Root(string cssClass, int width, int height, string id, string title, string description) =>
        new("svg",
            new XAttribute("class", cssClass),
            new XAttribute("width", width), new XAttribute("height", height),
            new XAttribute("viewBox", $"0 0 {width} {height}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XElement("title", new XAttribute("id", $"{id}-title"), title),
            new XElement("desc", new XAttribute("id", $"{id}-desc"), description));

    /// <summary>A label; <paramref name="shift"/> moves it down by a third of its size so it is centred on <paramref name="y"/>.</summary>
    public static XElement Text(string cssClass, string x, string y, string anchor, string content, bool shift = true) =>
        new("text",
            new XAttribute("class", cssClass), new XAttribute("x", x), new XAttribute("y", y),
            shift ? new XAttribute("dy", "4") : null,
            new XAttribute("text-anchor", anchor),
            content);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
