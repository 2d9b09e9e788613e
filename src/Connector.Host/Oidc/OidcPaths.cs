namespace Connector.Host.Oidc;

/// <summary>Logto's paths under the issuer <c>{PublicOrigin}/oidc</c> (<c>docs/oidc.md</c>).</summary>
internal static class OidcPaths
{
    public const string IssuerPath = "/oidc";
    public const string Configuration = "/oidc/.well-known/openid-configuration";
    public const string Authorization = "/oidc/auth";
    public const string Token = "/oidc/token";
    public const string UserInfo = "/oidc/me";
    public const string Jwks = "/oidc/jwks";
    public const string EndSession = "/oidc/session/end";
}
