namespace Connector.OAuth2.Configuration;

/// <summary>Client authentication at the token endpoint (RFC 6749 §2.3, RFC 7523 §2.2).</summary>
public static class TokenEndpointAuthMethods
{
    public const string ClientSecretPost = "client_secret_post";
    public const string ClientSecretBasic = "client_secret_basic";
    public const string ClientSecretJwt = "client_secret_jwt";

    /// <summary>RFC 7523 §2.2 with the client's own key pair (<see cref="OAuth2ConnectorConfig.ClientAssertionKey"/>): no shared secret at all.</summary>
    public const string PrivateKeyJwt = "private_key_jwt";

    public static IReadOnlyList<string> All { get; } = [ClientSecretPost, ClientSecretBasic, ClientSecretJwt, PrivateKeyJwt];

    /// <summary>The methods that send a <c>client_secret</c>, and so can send a <see cref="SignedClientSecret"/> as one.</summary>
    public static IReadOnlyList<string> SendingTheSecret { get; } = [ClientSecretPost, ClientSecretBasic];
}
