namespace Connector.Host.Admin.Apps;

/// <summary>Body of <c>POST /api/apps</c>; also the shape a <c>PATCH</c> must leave the app in.</summary>
internal sealed record AppRequest
{
    public string? Name { get; init; }

    /// <summary>Exact redirect URIs (OIDC Core §3.1.2.1: compared by simple string comparison).</summary>
    public IReadOnlyList<string>? RedirectUris { get; init; }

    public IReadOnlyList<string>? PostLogoutRedirectUris { get; init; }

    /// <summary><c>ES384</c> (default) or <c>RS256</c>, as OIDC Dynamic Client Registration names it.</summary>
    public string? IdTokenSignedResponseAlg { get; init; }
}
