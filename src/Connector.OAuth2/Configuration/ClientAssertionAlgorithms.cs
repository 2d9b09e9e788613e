namespace Connector.OAuth2.Configuration;

/// <summary>Asymmetric algorithms for a <c>private_key_jwt</c> assertion (RFC 7518 §3.3 and §3.4).</summary>
public static class ClientAssertionAlgorithms
{
    public const string RS256 = "RS256";
    public const string ES256 = "ES256";

    public static IReadOnlyList<string> All { get; } = [RS256, ES256];
}
