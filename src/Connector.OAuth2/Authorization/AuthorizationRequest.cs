namespace Connector.OAuth2.Authorization;

/// <summary>
/// What the caller decides for one authorization request: where the provider sends the user back,
/// the state it created, the PKCE challenge when the connector uses PKCE, and the nonce when it verifies ID tokens.
/// </summary>
/// <param name="Scope">Overrides the configured scope when given.</param>
/// <param name="Nonce">The <c>nonce</c> value (<see cref="OidcNonce.Value"/>); required with <c>idTokenVerificationConfig</c>.</param>
public sealed record AuthorizationRequest(string RedirectUri, string State, string? CodeChallenge = null, string? Scope = null, string? Nonce = null);
