namespace Connector.Host.TokenVault;

/// <summary>A row of <c>identity_tokens</c>: the tokens as stored, each encrypted (<see cref="IdentityTokenProtector"/>).</summary>
internal sealed record IdentityTokenRow
{
    public long IdentityId { get; init; }
    public required string ConnectorId { get; init; }
    public Guid Generation { get; init; }
    public required string AccessTokenProtected { get; init; }
    public string? RefreshTokenProtected { get; init; }
    public string? IdTokenProtected { get; init; }
    public required string TokenType { get; init; }
    public string? Scope { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    /// <summary>
    /// Whether the access token is still good for <paramref name="margin"/> from <paramref name="now"/>; a token without
    /// an expiry (the provider sent no <c>expires_in</c>, RFC 6749 §5.1) counts as good.
    /// </summary>
    public bool IsFresh(DateTimeOffset now, TimeSpan margin) => ExpiresAt is not { } expiresAt || new DateTimeOffset(expiresAt, TimeSpan.Zero) > now + margin;
}
