namespace Connector.Host.SignIn;

/// <summary>The signed-in user as the account page shows them.</summary>
internal sealed record AccountView(string? Name, string? Email, string? Avatar, string ConnectorName);
