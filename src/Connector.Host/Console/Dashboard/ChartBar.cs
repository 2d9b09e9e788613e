namespace Connector.Host.Console.Dashboard;

/// <summary>One connector's part of one day's column: what it counts and where it is drawn (SVG coordinates, invariant text).</summary>
internal sealed record ChartBar(ConnectorSeries Series, DateOnly Day, long Count, string X, string Y, string Width, string Height);
