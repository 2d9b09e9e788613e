using Connector.OAuth2.Tokens;

namespace Connector.Host.TokenVault;

/// <summary>
/// A token answer ready for <c>identity_tokens</c>: each token encrypted, the expiry made absolute. A null refresh or ID
/// token keeps the one stored (a provider that does not rotate answers none, RFC 6749 §6).
/// </summary>
internal sealed record StoredTokens(
    long IdentityId, string AccessTokenProtected, string? RefreshTokenProtected, string? IdTokenProtected,
    string TokenType, string? Scope, DateTimeOffset? ExpiresAt, DateTimeOffset Now)
{
    public static StoredTokens From(long identityId, TokenSet tokens, DateTimeOffset now, IdentityTokenProtector protector) => new(
        identityId,
        protector.Protect(identityId, IdentityTokenKinds.Access, tokens.AccessToken),
        string.IsNullOrEmpty(tokens.RefreshToken) ? null : protector.Protect(identityId, IdentityTokenKinds.Refresh, tokens.RefreshToken),
        string.IsNullOrEmpty(tokens.IdToken) ? null : protector.Protect(identityId, IdentityTokenKinds.Id, tokens.IdToken),
        tokens.TokenType,
        tokens.Scope,
        tokens.ExpiresIn is { } seconds ? now.AddSeconds(seconds) : null,
        now);

    // Protected values are still not for logs.
    public override string ToString() => $"StoredTokens {{ IdentityId = {IdentityId}, ExpiresAt = {ExpiresAt} }}";
}
