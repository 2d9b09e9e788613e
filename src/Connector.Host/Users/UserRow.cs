namespace Connector.Host.Users;

/// <summary>A row of <c>users</c>.</summary>
internal sealed record UserRow
{
    public Guid Id { get; init; }
    public string? Name { get; init; }
    public string? Avatar { get; init; }
    public string? Email { get; init; }
    public bool? EmailVerified { get; init; }
    public string? Phone { get; init; }

    /// <summary>A disabled user signs in nowhere: no session, no code, no token.</summary>
    public bool Disabled { get; init; }

    /// <summary><c>operator</c> lets the user into the console.</summary>
    public string[] Roles { get; init; } = [];

    /// <summary>
    /// The revocation epoch: sessions and tokens carry the value they were issued under, and are worth nothing once it
    /// rose (revoke-sessions, disable). One integer per user instead of a row per session.
    /// </summary>
    public int SessionEpoch { get; init; }

    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
