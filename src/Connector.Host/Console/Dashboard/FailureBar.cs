namespace Connector.Host.Console.Dashboard;

/// <summary>One error code's bar: its count and where bar and labels go (SVG coordinates, invariant text).</summary>
internal sealed record FailureBar(FailureCount Failure, string Y, string Length, string Middle, string CountX, string Thickness);
