namespace Connector.OAuth2.Configuration;

/// <summary>
/// The JWS algorithms (RFC 7518 §3.1) an ID token may be signed with. Only asymmetric ones: <c>none</c> carries no
/// signature, and an HMAC algorithm would let whoever knows the public JWK (anyone) forge tokens ("algorithm
/// confusion"); OpenID Connect Core 1.0 §10.1 allows HMAC only with the client secret, which we do not accept.
/// </summary>
public static class IdTokenAlgorithms
{
    /// <summary>Every algorithm a connector may allow.</summary>
    public static IReadOnlyList<string> Supported { get; } =
        ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    /// <summary>Allowed when the connector names none: RS256 is the one OpenID Connect Core 1.0 §15.1 requires providers to offer.</summary>
    public static IReadOnlyList<string> Default { get; } = Supported;

    public const int DefaultClockToleranceSeconds = 60;

    /// <summary>Large enough for any honest clock, small enough that an expired token does not live on for long.</summary>
    public const int MaxClockToleranceSeconds = 600;
}
