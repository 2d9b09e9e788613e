namespace Connector.OAuth2.Configuration;

/// <summary>
/// A client secret that is itself a JWT, signed with the client's private key and made fresh for every token
/// request: Sign in with Apple's "client secret" (Apple, "Creating a client secret"). Sent in place of
/// <see cref="OAuth2ConnectorConfig.ClientSecret"/> with <c>client_secret_post</c> or <c>client_secret_basic</c>.
/// </summary>
public sealed record SignedClientSecret
{
    /// <summary>Only <c>ES256</c>, the one Apple accepts.</summary>
    public string Algorithm { get; init; } = SignedClientSecretRules.ES256;

    /// <summary>The key's id at the provider, sent as the JWS <c>kid</c> header (Apple's Key ID).</summary>
    public string KeyId { get; init; } = "";

    /// <summary>The <c>iss</c> claim (Apple's Team ID).</summary>
    public string Issuer { get; init; } = "";

    /// <summary>The <c>aud</c> claim (Apple: <c>https://appleid.apple.com</c>).</summary>
    public string Audience { get; init; } = "";

    /// <summary>PEM of a P-256 private key (Apple's <c>.p8</c> file). Write-only: hosts store it encrypted and never return it.</summary>
    public string PrivateKey { get; init; } = "";

    /// <summary>Seconds between <c>iat</c> and <c>exp</c>; <see cref="SignedClientSecretRules.DefaultLifetimeSeconds"/> when absent.</summary>
    public int? LifetimeSeconds { get; init; }
}
