using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Connector.OAuth2.IdTokens;

/// <summary>
/// Microsoft.IdentityModel's validation failures in our own words. Its messages are not passed on: they are meant for
/// developers and, with PII logging on, can quote the token.
/// </summary>
internal static class IdTokenFailures
{
    public static string Describe(Exception? exception, JsonWebToken token) => exception switch
    {
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException =>
            "The id_token's signature does not verify with the provider's published keys.",
        SecurityTokenInvalidIssuerException =>
            $"The id_token was issued by {IdTokenVerifier.Quote(token.Issuer)}, not by the configured issuer.",
        SecurityTokenInvalidAudienceException =>
            "The id_token is meant for another audience than this connector's client.",
        SecurityTokenInvalidAlgorithmException => "The id_token's algorithm is not accepted.",
        _ => "The id_token is not valid.",
    };
}
