using Connector.OAuth2.Configuration;

namespace Connector.Host.Connectors.Discovery;

/// <summary>Turns provider metadata into a prefilled connector config, noting what does not fit.</summary>
internal static class DiscoveredConfigBuilder
{
    private static readonly string[] WantedScopes = ["openid", "profile", "email"];

    /// <summary>
    /// RFC 6749 §2.3.1 makes Basic the one method every server supports, so it comes first. <c>private_key_jwt</c> is not in
    /// the list: it works only once the admin has made a key pair, so it is proposed only when nothing else is offered.
    /// </summary>
    private static readonly string[] AuthMethodPreference =
        [TokenEndpointAuthMethods.ClientSecretBasic, TokenEndpointAuthMethods.ClientSecretPost, TokenEndpointAuthMethods.ClientSecretJwt];

    public static DiscoveryResponse Build(ProviderMetadata metadata, string? requestedIssuer, bool allowInsecureEndpoints)
    {
        var warnings = new List<string>();

        // OpenID Connect Discovery 1.0 §4.3: the issuer in the document must be the one it was fetched for.
        if (requestedIssuer is not null && !string.Equals(metadata.Issuer?.TrimEnd('/'), requestedIssuer.TrimEnd('/'), StringComparison.Ordinal))
        {
            warnings.Add($"The metadata names the issuer '{metadata.Issuer}', not '{requestedIssuer}'.");
        }

        if (metadata.ResponseTypesSupported is { } responseTypes && !responseTypes.Contains("code"))
        {
            warnings.Add("The provider does not list the 'code' response type.");
        }

        CheckEndpoint("authorizationEndpoint", metadata.AuthorizationEndpoint, allowInsecureEndpoints, warnings);
        CheckEndpoint("tokenEndpoint", metadata.TokenEndpoint, allowInsecureEndpoints, warnings);
        CheckEndpoint("userInfoEndpoint", metadata.UserinfoEndpoint, allowInsecureEndpoints, warnings);

        // OpenID Connect Discovery 1.0 §3: an absent token_endpoint_auth_methods_supported means client_secret_basic.
        var methods = metadata.TokenEndpointAuthMethodsSupported ?? [TokenEndpointAuthMethods.ClientSecretBasic];
        var method = AuthMethodPreference.FirstOrDefault(methods.Contains);
        if (method is null && methods.Contains(TokenEndpointAuthMethods.PrivateKeyJwt))
        {
            // Proposed only when no secret-based method is offered: it needs a key pair the admin must still add.
            warnings.Add("The provider accepts only private_key_jwt of the methods supported here: add a clientAssertionKey, then register its public JWK.");
            method = TokenEndpointAuthMethods.PrivateKeyJwt;
        }
        else if (method is null)
        {
            warnings.Add($"The provider supports none of {string.Join(", ", AuthMethodPreference)}; client_secret_basic was chosen.");
            method = TokenEndpointAuthMethods.ClientSecretBasic;
        }

        var scopes = metadata.ScopesSupported is { } supported ? WantedScopes.Where(supported.Contains).ToArray() : WantedScopes;
        var isOpenId = scopes.Contains("openid");
        var idToken = isOpenId ? IdTokenVerification.From(metadata, warnings) : null;
        if (metadata.UserinfoEndpoint is null && idToken is null)
        {
            warnings.Add("The metadata has no userinfo_endpoint; set userInfoEndpoint by hand.");
        }

        CheckEndpoint("idTokenVerificationConfig.jwksUri", idToken?.JwksUri, allowInsecureEndpoints, warnings);
        var config = new DiscoveredConfig
        {
            AuthorizationEndpoint = metadata.AuthorizationEndpoint!,
            TokenEndpoint = metadata.TokenEndpoint!,
            UserInfoEndpoint = metadata.UserinfoEndpoint,
            Scope = scopes.Length == 0 ? null : string.Join(' ', scopes),
            TokenEndpointAuthMethod = method,
            // RFC 7636 §4.3: a provider that lists its PKCE methods but not S256 would reject the challenge.
            Pkce = metadata.CodeChallengeMethodsSupported is { } pkce ? pkce.Contains("S256") : null,
            // OpenID Connect Core 1.0 §5.1 standard claims.
            ProfileMap = isOpenId ? new ProfileMap { Id = "sub", Name = "name", Avatar = "picture", Email = "email", Phone = "phone_number" } : null,
            IdTokenVerificationConfig = idToken,
        };
        return new DiscoveryResponse(metadata.Issuer, config, warnings);
    }

    private static void CheckEndpoint(string field, string? url, bool allowInsecureEndpoints, List<string> warnings)
    {
        if (url is not null && EndpointRules.Check(url, allowInsecureEndpoints) is { } code)
        {
            warnings.Add($"{field} '{url}' would be refused ({code}).");
        }
    }
}
