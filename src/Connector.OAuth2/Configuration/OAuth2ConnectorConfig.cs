namespace Connector.OAuth2.Configuration;

/// <summary>
/// A generic OAuth2 connector's configuration. Property names serialize (camelCase) to exactly the
/// field names of Logto's OAuth2 connector, so a config exported from Logto binds unchanged.
/// </summary>
public sealed record OAuth2ConnectorConfig
{
    public string AuthorizationEndpoint { get; init; } = "";
    public string TokenEndpoint { get; init; } = "";
    public string UserInfoEndpoint { get; init; } = "";
    public string ClientId { get; init; } = "";

    /// <summary>
    /// Write-only: hosts store it encrypted and never return it. Empty with <c>private_key_jwt</c> or a
    /// <see cref="SignedClientSecret"/>, which need no shared secret.
    /// </summary>
    public string ClientSecret { get; init; } = "";

    public string TokenEndpointAuthMethod { get; init; } = TokenEndpointAuthMethods.ClientSecretPost;
    public string ClientSecretJwtSigningAlgorithm { get; init; } = ClientSecretJwtAlgorithms.HS256;

    /// <summary><c>json</c>, <c>query-string</c>, or null to judge by the answer's Content-Type.</summary>
    public string? TokenEndpointResponseType { get; init; }

    public string ResponseType { get; init; } = "code";
    public string GrantType { get; init; } = "authorization_code";

    /// <summary><c>query</c>, or <c>form_post</c> for a provider that POSTs the callback (<see cref="ResponseModes"/>).</summary>
    public string ResponseMode { get; init; } = ResponseModes.Query;
    public string? Scope { get; init; }

    /// <summary>Extra parameters for the authorization and token requests; keys are sent in snake_case.</summary>
    public IReadOnlyDictionary<string, string>? CustomConfig { get; init; }

    public ProfileMap? ProfileMap { get; init; }

    /// <summary>RFC 7636 PKCE with S256; on unless turned off for a provider that rejects it.</summary>
    public bool Pkce { get; init; } = true;

    // Beyond Logto: what real providers need (docs/connectors.md, the README's Providers table).

    /// <summary>Parameters for the authorization request only, sent as written (Google <c>access_type</c>).</summary>
    public IReadOnlyDictionary<string, string>? AuthorizationParams { get; init; }

    /// <summary>Parameters for the token request only, sent as written.</summary>
    public IReadOnlyDictionary<string, string>? TokenParams { get; init; }

    /// <summary><c>GET</c>, or <c>POST</c> without a body (Dropbox's RPC-style userinfo).</summary>
    public string UserInfoMethod { get; init; } = "GET";

    /// <summary>Extra userinfo headers; the value <c>{clientId}</c> becomes the client id (Twitch's <c>Client-Id</c>).</summary>
    public IReadOnlyDictionary<string, string>? UserInfoHeaders { get; init; }

    /// <summary>A second call for the email when userinfo lacks one (GitHub's <c>/user/emails</c>).</summary>
    public EmailLookup? EmailLookup { get; init; }

    /// <summary>
    /// Verify the token answer's <c>id_token</c> and take the profile from its claims (userinfo, when configured, on top);
    /// <see cref="UserInfoEndpoint"/> becomes optional.
    /// </summary>
    public IdTokenVerificationConfig? IdTokenVerificationConfig { get; init; }

    /// <summary>Send, as the <c>client_secret</c>, a JWT made for each token request with this key (Sign in with Apple).</summary>
    public SignedClientSecret? SignedClientSecret { get; init; }

    /// <summary>The key of <c>private_key_jwt</c>; required with that method.</summary>
    public ClientAssertionKey? ClientAssertionKey { get; init; }
}
