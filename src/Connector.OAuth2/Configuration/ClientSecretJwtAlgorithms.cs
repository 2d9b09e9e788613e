namespace Connector.OAuth2.Configuration;

/// <summary>HMAC algorithms for a <c>client_secret_jwt</c> assertion (RFC 7518 §3.2).</summary>
public static class ClientSecretJwtAlgorithms
{
    public const string HS256 = "HS256";
    public const string HS384 = "HS384";
    public const string HS512 = "HS512";

    public static IReadOnlyList<string> All { get; } = [HS256, HS384, HS512];
}
