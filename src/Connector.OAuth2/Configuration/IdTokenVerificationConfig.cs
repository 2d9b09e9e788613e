namespace Connector.OAuth2.Configuration;

/// <summary>
/// How an OpenID provider's ID token is verified (Logto's OIDC connector field of the same name). When a connector
/// has one, a <c>nonce</c> is sent and the token answer must carry an <c>id_token</c> that passes OpenID Connect Core
/// 1.0 §3.1.3.7: signature from <see cref="JwksUri"/>, <c>iss</c>, <c>aud</c>, <c>exp</c>, <c>iat</c>, <c>nonce</c>.
/// </summary>
public sealed record IdTokenVerificationConfig
{
    /// <summary>Where the provider publishes its signing keys (RFC 7517 JWK Set; discovery's <c>jwks_uri</c>).</summary>
    public string JwksUri { get; init; } = "";

    /// <summary>
    /// The exact <c>iss</c> expected. <c>{tenantid}</c> in it stands for the token's own <c>tid</c> claim, for
    /// Microsoft's multi-tenant <c>common</c> endpoint, whose discovery names its issuer that way.
    /// </summary>
    public string Issuer { get; init; } = "";

    /// <summary>The <c>aud</c> expected; the client id when absent (OpenID Connect Core 1.0 §3.1.3.7 step 3).</summary>
    public string? Audience { get; init; }

    /// <summary>The JWS <c>alg</c> values accepted; <see cref="IdTokenAlgorithms.Default"/> when absent. Never <c>none</c> or HMAC.</summary>
    public IReadOnlyList<string>? Algorithms { get; init; }

    /// <summary>Seconds of clock difference allowed on <c>exp</c>, <c>nbf</c> and <c>iat</c>; 60 when absent.</summary>
    public int? ClockTolerance { get; init; }
}
