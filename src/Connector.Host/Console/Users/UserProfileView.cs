namespace Connector.Host.Console.Users;

/// <summary>A user's own fields, as the detail page shows them.</summary>
public sealed record UserProfileView(
    Guid Id,
    string Display,
    string? Name,
    string? Email,
    bool? EmailVerified,
    string? Phone,
    string? Avatar,
    bool Disabled,
    IReadOnlyList<string> Roles,
    DateTime CreatedAt,
    DateTime UpdatedAt);
