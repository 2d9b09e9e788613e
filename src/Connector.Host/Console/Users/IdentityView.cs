namespace Connector.Host.Console.Users;

/// <summary>
/// A provider account linked to the user: when it was linked, when the provider's profile last changed, the last
/// successful sign-in the audit trail records (null when it records none), both profiles as indented JSON, and
/// whether the token vault keeps the provider's tokens for it (never the tokens).
/// </summary>
public sealed record IdentityView(
    string ConnectorId, string Subject, DateTime LinkedAt, DateTime ProfileChangedAt, DateTime? LastSignInAt, string Profile, string RawProfile,
    bool TokensStored = false);
