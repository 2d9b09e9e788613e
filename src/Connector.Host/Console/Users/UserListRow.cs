namespace Connector.Host.Console.Users;

/// <summary>A user as the list shows one: who, the email and whether it is verified, through which connectors, state, roles, since when.</summary>
public sealed record UserListRow(
    Guid Id, string Display, string? Email, bool? EmailVerified, IReadOnlyList<string> Connectors, bool Disabled, IReadOnlyList<string> Roles, DateTime CreatedAt);
