namespace Connector.OAuth2.Configuration;

/// <summary>
/// The private key of <c>private_key_jwt</c> client authentication (RFC 7523 §2.2, OpenID Connect Core 1.0 §9). The
/// provider holds the public half, registered from the public JWK the host shows.
/// </summary>
public sealed record ClientAssertionKey
{
    /// <summary>PEM of an RSA (≥ 2048 bits) or P-256 private key. Write-only: hosts store it encrypted and never return it.</summary>
    public string PrivateKey { get; init; } = "";

    /// <summary>Sent as the JWS <c>kid</c> header, so a provider holding several keys of the client picks this one.</summary>
    public string KeyId { get; init; } = "";

    /// <summary><c>RS256</c> or <c>ES256</c> (<see cref="ClientAssertionAlgorithms"/>).</summary>
    public string Algorithm { get; init; } = "";
}
