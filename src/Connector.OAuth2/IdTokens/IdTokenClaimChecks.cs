using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.OAuth2.Authorization;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Results;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Connector.OAuth2.IdTokens;

/// <summary>
/// The OpenID Connect Core 1.0 §3.1.3.7 steps a JWT library does not take for a client, on a token whose signature,
/// issuer, audience and lifetime already passed; the answer is its claims, as the profile source.
/// </summary>
internal static class IdTokenClaimChecks
{
    /// <summary>Claims that only served the check. The nonce is a secret of the finished sign-in; the hashes are token material.</summary>
    private static readonly string[] ProtocolOnly = ["nonce", "at_hash", "c_hash"];

    public static ConnectorResult<JsonElement> Check(
        JsonWebToken token, OAuth2ConnectorConfig config, IdTokenVerificationConfig rules, byte[] nonceDigest, DateTimeOffset now, TimeSpan tolerance)
    {
        // Step 9: exp is required and must not have passed; nbf (RFC 7519 §4.1.5), when sent, must have.
        if (!token.TryGetPayloadValue<long>("exp", out var expires))
        {
            return Invalid("The id_token has no exp.");
        }

        // Compared in seconds: a huge claim must fail the check, not overflow a date.
        var nowSeconds = now.ToUnixTimeSeconds();
        var slack = (long)tolerance.TotalSeconds;
        if (expires <= nowSeconds - slack)
        {
            return Invalid("The id_token has expired.");
        }

        if (token.TryGetPayloadValue<long>("nbf", out var notBefore) && notBefore > nowSeconds + slack)
        {
            return Invalid("The id_token is not valid yet (nbf).");
        }

        // Step 10: iat is required; one from the future means a wrong clock or a forged token.
        if (!token.TryGetPayloadValue<long>("iat", out var issuedAt))
        {
            return Invalid("The id_token has no iat.");
        }

        if (issuedAt > nowSeconds + slack)
        {
            return Invalid("The id_token's iat lies in the future.");
        }

        // Steps 4-5: with several audiences, azp must name the client the token was issued to.
        if (token.Audiences.Count() > 1
            && (!token.TryGetPayloadValue<string>("azp", out var azp) || azp != (rules.Audience ?? config.ClientId)))
        {
            return Invalid("The id_token's azp names another client.");
        }

        // Step 11 and §15.5.2: the nonce binds the token to this sign-in; a token from another one (replayed) or none fails.
        token.TryGetPayloadValue<string>("nonce", out var nonce);
        if (!OidcNonce.Matches(nonce, nonceDigest))
        {
            return Invalid(string.IsNullOrEmpty(nonce)
                ? "The id_token carries no nonce."
                : "The id_token's nonce is not the one this sign-in sent (a replayed token?).");
        }

        // §2: sub is required, a locally unique identifier of the user at this issuer.
        if (!token.TryGetPayloadValue<string>("sub", out var sub) || string.IsNullOrEmpty(sub))
        {
            return Invalid("The id_token has no sub.");
        }

        return Claims(token);
    }

    private static JsonElement Claims(JsonWebToken token)
    {
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(token.EncodedPayload)))!.AsObject();
        foreach (var name in ProtocolOnly)
        {
            payload.Remove(name);
        }

        return JsonSerializer.SerializeToElement(payload);
    }

    private static ConnectorError Invalid(string message) => new(ConnectorErrorCodes.InvalidIdToken, message);
}
