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
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
