namespace Connector.Host.Oidc.Apps;

/// <summary>Body of <c>POST /api/apps</c>; also the shape a <c>PATCH</c> must leave the app in.</summary>
internal sealed record AppRequest
{
    public string? Name { get; init; }

    /// <summary><c>traditional</c> (default), <c>spa</c> or <c>native</c>, as Logto's application types; fixed once created.</summary>
    public string? Type { get; init; }

    /// <summary>Exact redirect URIs (OIDC Core §3.1.2.1: compared by simple string comparison).</summary>
    public IReadOnlyList<string>? RedirectUris { get; init; }

    public IReadOnlyList<string>? PostLogoutRedirectUris { get; init; }

    /// <summary>Origins whose browser scripts may call the token and userinfo endpoints (<c>spa</c> apps only).</summary>
    public IReadOnlyList<string>? CorsOrigins { get; init; }

    /// <summary>
    /// Traditional apps: refuse authorization requests without a PKCE challenge. Off by default, as Logto, so that
    /// NextAuth v4's default <c>checks: ['state']</c> works; a challenge that is sent is always verified.
    /// Public apps always require PKCE (RFC 9700 §2.1.1).
    /// </summary>
    public bool? RequirePkce { get; init; }

    /// <summary>The connectors this app's users may sign in with, in button order; absent or empty: the sign-in experience's.</summary>
    public IReadOnlyList<string>? Connectors { get; init; }

    /// <summary><c>ES384</c> (default) or <c>RS256</c>, as OIDC Dynamic Client Registration names it.</summary>
    public string? IdTokenSignedResponseAlg { get; init; }
}
