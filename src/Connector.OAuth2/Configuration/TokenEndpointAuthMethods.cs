namespace Connector.OAuth2.Configuration;

/// <summary>Client authentication at the token endpoint (RFC 6749 §2.3, RFC 7523 §2.2).</summary>
public static class TokenEndpointAuthMethods
{
    public const string ClientSecretPost = "client_secret_post";
    public const string ClientSecretBasic = "client_secret_basic";
    public const string ClientSecretJwt = "client_secret_jwt";

    public static IReadOnlyList<string> All { get; } = [ClientSecretPost, ClientSecretBasic, ClientSecretJwt];
}
