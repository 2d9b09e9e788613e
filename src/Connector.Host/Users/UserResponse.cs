namespace Connector.Host.Users;

/// <summary>A user with its identities, as <c>GET /api/users</c> shows it.</summary>
internal sealed record UserResponse(
    Guid Id,
    string? Name,
    string? Avatar,
    string? Email,
    bool? EmailVerified,
    string? Phone,
    bool Disabled,
    IReadOnlyList<string> Roles,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<IdentityResponse> Identities)
{
    public static UserResponse From(UserAccount account)
    {
        var user = account.User;
        return new(user.Id, user.Name, user.Avatar, user.Email, user.EmailVerified, user.Phone, user.Disabled, user.Roles,
            user.CreatedAt, user.UpdatedAt, [.. account.Identities.Select(IdentityResponse.From)]);
    }
}
