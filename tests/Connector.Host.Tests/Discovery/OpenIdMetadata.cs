namespace Connector.Host.Tests.Discovery;

/// <summary>An OpenID provider's metadata document (OpenID Connect Discovery 1.0 §3), as the fake provider publishes it.</summary>
public static class OpenIdMetadata
{
    public const string WellKnown = "/.well-known/openid-configuration";

    /// <param name="issuer">The fake provider's URL.</param>
    /// <param name="authMethods">The JSON array of token endpoint auth methods, or null to leave the field out.</param>
    public static string For(string issuer, string? authMethods = """["client_secret_post", "private_key_jwt"]""") => $$"""
        {
          "issuer": "{{issuer}}",
          "authorization_endpoint": "{{issuer}}/oauth2/authorize",
          "token_endpoint": "{{issuer}}/oauth2/token",
          "userinfo_endpoint": "{{issuer}}/oauth2/userinfo",
          "jwks_uri": "{{issuer}}/oauth2/jwks",
          "response_types_supported": ["code", "id_token"],
          "scopes_supported": ["openid", "email", "offline_access", "profile"],
          "code_challenge_methods_supported": ["S256"]{{(authMethods is null ? "" : $", \"token_endpoint_auth_methods_supported\": {authMethods}")}}
        }
        """;
}
