using Connector.OAuth2.Configuration;
using Duende.IdentityModel.Client;

namespace Connector.OAuth2.Tokens;

/// <summary>
/// How the client proves itself at the token endpoint (RFC 6749 §2.3, RFC 7523 §2.2), for every grant the engine
/// sends: set on a Duende request before <c>Prepare()</c>. Assertions and signed secrets are made here, per request.
/// </summary>
internal static class ClientAuthentication
{
    public static void Apply(ProtocolRequest request, OAuth2ConnectorConfig config, TimeProvider time)
    {
        request.ClientId = config.ClientId;
        switch (config.TokenEndpointAuthMethod)
        {
            case TokenEndpointAuthMethods.ClientSecretBasic:
                // RFC 6749 §2.3.1: id and secret are form-encoded before Base64 (Duende's Rfc6749 style).
                request.ClientSecret = Secret(config, time);
                request.ClientCredentialStyle = ClientCredentialStyle.AuthorizationHeader;
                request.AuthorizationHeaderStyle = BasicAuthenticationHeaderStyle.Rfc6749;
                break;
            case TokenEndpointAuthMethods.ClientSecretJwt:
                // Duende throws on an assertion with AuthorizationHeader style, so PostBody; no secret goes over the wire.
                request.ClientCredentialStyle = ClientCredentialStyle.PostBody;
                request.ClientAssertion = Assertion(ClientSecretJwt.Create(config.ClientId, config.ClientSecret, config.TokenEndpoint,
                    config.ClientSecretJwtSigningAlgorithm, time));
                break;
            case TokenEndpointAuthMethods.PrivateKeyJwt:
                request.ClientCredentialStyle = ClientCredentialStyle.PostBody;
                request.ClientAssertion = Assertion(PrivateKeyJwt.Create(config.ClientId, config.ClientAssertionKey!, config.TokenEndpoint, time));
                break;
            default:
                request.ClientSecret = Secret(config, time);
                request.ClientCredentialStyle = ClientCredentialStyle.PostBody;
                break;
        }
    }

    /// <summary>The configured secret, or a signed one made now (the validator lets a signed secret come only with post and basic).</summary>
    private static string Secret(OAuth2ConnectorConfig config, TimeProvider time) =>
        config.SignedClientSecret is { } signed ? SignedClientSecretJwt.Create(config.ClientId, signed, time) : config.ClientSecret;

    private static ClientAssertion Assertion(string jwt) => new() { Type = JwtAssertion.AssertionType, Value = jwt };
}
