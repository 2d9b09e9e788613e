namespace Connector.Host.Events;

/// <summary>
/// The user an event is about, as receivers see it: the user's own fields and nothing else. No identity's raw profile,
/// no token, no session: what a receiver needs beyond this it reads from <c>GET /api/users/{id}</c>.
/// </summary>
internal sealed record EventUser(
    Guid Id,
    string? Name,
    string? Avatar,
    string? Email,
    bool? EmailVerified,
    string? Phone,
    bool Disabled,
    IReadOnlyList<string> Roles,
    DateTime CreatedAt,
    DateTime UpdatedAt);
