namespace Connector.Host.Console.Dashboard;

/// <summary>How many sign-ins failed with one error code.</summary>
public sealed record FailureCount(string Code, long Count);
