namespace Connector.Host.Console.Dashboard;

/// <summary>One error code's row: its count, the baseline of its label, and where its bar and count go (SVG coordinates, invariant text).</summary>
internal sealed record FailureBar(FailureCount Failure, string LabelY, string Y, string Length, string Thickness, string Middle, string CountX);
