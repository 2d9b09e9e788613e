namespace Connector.Host.Users;

/// <summary>The user a sign-in resolved to, and whether this sign-in created them.</summary>
internal sealed record SignedInUser(Guid Id, bool IsNew);
