namespace Connector.Host.Users;

/// <summary>A row of <c>user_identities</c>: which provider account signs a user in, with its profiles as JSON text.</summary>
internal sealed record IdentityRow
{
    /// <summary>The identity's own id (what the token vault keys its rows by); not part of any answer.</summary>
    public long Id { get; init; }
    public Guid UserId { get; init; }
    public required string ConnectorId { get; init; }
    public required string Subject { get; init; }
    public required string Profile { get; init; }
    public required string RawProfile { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
