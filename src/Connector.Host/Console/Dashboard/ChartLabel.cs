namespace Connector.Host.Console.Dashboard;

/// <summary>A label along an axis: its text (a date, not words, so the same in every language) and where its middle is.</summary>
internal sealed record ChartLabel(string Text, string X);
