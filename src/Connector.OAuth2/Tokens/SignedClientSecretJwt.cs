using Connector.OAuth2.Configuration;

namespace Connector.OAuth2.Tokens;

/// <summary>
/// The client secret Sign in with Apple asks for (Apple, "Creating a client secret"): an ES256 JWT with header
/// <c>alg</c> and <c>kid</c> and claims <c>iss</c> (Team ID), <c>iat</c>, <c>exp</c>, <c>aud</c>, <c>sub</c> (the client id).
/// Made for each token request, so no long-lived secret sits in the config or goes stale.
/// </summary>
internal static class SignedClientSecretJwt
{
    public static string Create(string clientId, SignedClientSecret secret, TimeProvider time)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var lifetime = secret.LifetimeSeconds ?? SignedClientSecretRules.DefaultLifetimeSeconds;
        return JwtAssertion.Sign(new JwtAssertion.Header(secret.Algorithm, Kid: secret.KeyId),
            new JwtAssertion.Claims(secret.Issuer, clientId, secret.Audience, Jti: null, now, now + lifetime), secret.PrivateKey);
    }
}
