namespace Connector.Host.Console.Experience;

/// <summary>A connector in the sign-in experience's list (or one that could be added to it): its id, name, and whether it is on.</summary>
public sealed record ShownConnector(string Id, string Name, bool Enabled);
