namespace Connector.OAuth2.Authorization;

/// <summary>
/// What the caller decides for one authorization request: where the provider sends the user back,
/// the state it created, and the PKCE challenge when the connector uses PKCE.
/// </summary>
/// <param name="Scope">Overrides the configured scope when given.</param>
public sealed record AuthorizationRequest(string RedirectUri, string State, string? CodeChallenge = null, string? Scope = null);
