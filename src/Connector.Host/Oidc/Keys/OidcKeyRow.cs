namespace Connector.Host.Oidc.Keys;

/// <summary>A row of <c>oidc_keys</c>. <see cref="PrivateKeyProtected"/> is Data Protection ciphertext.</summary>
internal sealed record OidcKeyRow
{
    public required string Kid { get; init; }
    public required string Algorithm { get; init; }
    public required string PrivateKeyProtected { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime NotBefore { get; init; }
    public DateTime? RetiredAt { get; init; }
}
