using Connector.OAuth2.Configuration;

namespace Connector.OAuth2.Tokens;

/// <summary>
/// A <c>private_key_jwt</c> client assertion (RFC 7523 §2.2, OpenID Connect Core 1.0 §9): the claims of
/// <see cref="ClientSecretJwt"/>, signed with the client's private key; <c>kid</c> names the key registered at the provider.
/// </summary>
internal static class PrivateKeyJwt
{
    public static string Create(string clientId, ClientAssertionKey key, string tokenEndpoint, TimeProvider time) =>
        JwtAssertion.Sign(new JwtAssertion.Header(key.Algorithm, Typ: "JWT", Kid: key.KeyId),
            JwtAssertion.ClientAssertionClaims(clientId, tokenEndpoint, time), key.PrivateKey);
}
