namespace Connector.Host.Console.Dashboard;

/// <summary>A gridline of the value axis: its value and its height (an SVG coordinate).</summary>
internal sealed record ChartTick(long Value, string Y);
