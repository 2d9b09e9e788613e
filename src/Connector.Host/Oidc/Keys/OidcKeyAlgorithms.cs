namespace Connector.Host.Oidc.Keys;

/// <summary>The JOSE algorithms of the provider's keys (RFC 7518 §3.1, §4.1).</summary>
internal static class OidcKeyAlgorithms
{
    /// <summary>ECDSA with P-384 and SHA-384: the default for ID tokens and the signer of access tokens.</summary>
    public const string Es384 = "ES384";

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256, for apps registered with <c>idTokenSignedResponseAlg: RS256</c>.</summary>
    public const string Rs256 = "RS256";

    /// <summary>AES-256 key wrap: encrypts codes, refresh and access tokens, which only this service reads.</summary>
    public const string A256Kw = "A256KW";

    public static readonly string[] Signing = [Es384, Rs256];

    public static readonly string[] All = [Es384, Rs256, A256Kw];
}
