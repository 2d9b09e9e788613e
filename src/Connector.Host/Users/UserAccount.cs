namespace Connector.Host.Users;

/// <summary>A user with the identities that sign it in.</summary>
internal sealed record UserAccount(UserRow User, IReadOnlyList<IdentityRow> Identities);
