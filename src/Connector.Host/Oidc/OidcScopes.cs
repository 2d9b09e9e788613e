namespace Connector.Host.Oidc;

/// <summary>The issuer's own scopes, beside OpenID Connect's (<c>docs/oidc.md</c>).</summary>
internal static class OidcScopes
{
    /// <summary>
    /// Lets the app see through which providers the user signs in: <c>/oidc/me</c> then lists
    /// <c>identities: [{ connectorId, subject }]</c> (never the provider's profile or tokens); not put into an ID token.
    /// </summary>
    public const string Identities = "identities";

    /// <summary>
    /// Lets the app read the user's stored provider access tokens (<c>GET /oidc/me/identities/{connectorId}/access-token</c>,
    /// <c>docs/token-vault.md</c>); never put into an ID token or userinfo.
    /// </summary>
    public const string IdentityTokens = "identity_tokens";
}
