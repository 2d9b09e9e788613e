using System.Text;

namespace Connector.OAuth2.Tokens;

/// <summary>
/// A <c>client_secret_jwt</c> client assertion (RFC 7523 §2.2, OIDC Core §9): HMAC over the client secret.
/// Signed here rather than through Microsoft.IdentityModel, which refuses HMAC keys shorter than the hash
/// (IDX10720) while providers issue short secrets and Logto signs with them.
/// </summary>
internal static class ClientSecretJwt
{
    public static string Create(string clientId, string clientSecret, string audience, string algorithm, TimeProvider time) =>
        JwtAssertion.Sign(new JwtAssertion.Header(algorithm, Typ: "JWT"), JwtAssertion.ClientAssertionClaims(clientId, audience, time),
            Encoding.UTF8.GetBytes(clientSecret));
}
