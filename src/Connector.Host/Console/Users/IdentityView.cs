namespace Connector.Host.Console.Users;

/// <summary>
/// A provider account linked to the user: when it was linked, when the provider's profile last changed, the last
/// successful sign-in the audit trail records (null when it records none), and both profiles as indented JSON.
/// </summary>
public sealed record IdentityView(
    string ConnectorId, string Subject, DateTime LinkedAt, DateTime ProfileChangedAt, DateTime? LastSignInAt, string Profile, string RawProfile);
