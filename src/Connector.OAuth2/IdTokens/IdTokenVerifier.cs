using System.Text.Json;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Results;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Connector.OAuth2.IdTokens;

/// <summary>
/// Verifies the token answer's <c>id_token</c> as OpenID Connect Core 1.0 §3.1.3.7 asks, through
/// Microsoft.IdentityModel (signature, <c>iss</c>, <c>aud</c>) plus the checks it leaves to the client
/// (<c>alg</c> from the allowed list before any key is looked at, <c>exp</c>, <c>nbf</c>, <c>iat</c>, <c>azp</c>, <c>nonce</c>, <c>sub</c>).
/// Its answer is the token's claims; no message ever holds the token.
/// </summary>
internal sealed partial class IdTokenVerifier(JwksCache jwks, TimeProvider time, ILogger<IdTokenVerifier> logger)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<ConnectorResult<JsonElement>> VerifyAsync(
        OAuth2ConnectorConfig config, string? idToken, byte[]? nonceDigest, CancellationToken cancellationToken)
    {
        var rules = config.IdTokenVerificationConfig ?? throw new ArgumentException("The connector does not verify ID tokens.", nameof(config));
        var result = await CheckAsync(config, rules, idToken, nonceDigest, cancellationToken);
        if (result.IsError)
        {
            LogRefused(logger, Host(rules.JwksUri), result.Error.Code, result.Error.Message);
        }

        return result;
    }

    private async Task<ConnectorResult<JsonElement>> CheckAsync(
        OAuth2ConnectorConfig config, IdTokenVerificationConfig rules, string? idToken, byte[]? nonceDigest, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(idToken))
        {
            return Invalid("The token answer has no id_token (was the openid scope granted?).");
        }

        if (nonceDigest is null)
        {
            return Invalid("No nonce was sent for this sign-in, so its ID token cannot be trusted.");
        }

        if (!_handler.CanReadToken(idToken) || idToken.Count(c => c == '.') != 2)
        {
            // Three parts: a JWS (RFC 7515 §7.1). An encrypted ID token (five parts) is not something we asked for.
            return Invalid("The id_token is not a signed JWT.");
        }

        var token = new JsonWebToken(idToken);
        var algorithms = rules.Algorithms ?? IdTokenAlgorithms.Default;
        if (!algorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            // Checked before any key is chosen: "none" and HMAC never reach signature validation (RFC 8725 §3.1).
            return Invalid($"The id_token is signed with {Quote(token.Alg)}, which this connector does not accept.");
        }

        var keys = await jwks.GetKeysAsync(rules.JwksUri, string.IsNullOrEmpty(token.Kid) ? null : token.Kid, cancellationToken);
        if (keys.IsError)
        {
            return keys.Error;
        }

        if (keys.Value.Count == 0)
        {
            return Invalid($"The provider's JWKS has no key {Quote(token.Kid)} for the id_token.");
        }

        var tolerance = TimeSpan.FromSeconds(rules.ClockTolerance ?? IdTokenAlgorithms.DefaultClockToleranceSeconds);
        var validation = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = IssuerTemplate.Expected(rules.Issuer, token),
            ValidAudience = rules.Audience ?? config.ClientId,
            IssuerSigningKeys = keys.Value,
            TryAllIssuerSigningKeys = true,
            ValidAlgorithms = algorithms,
            RequireSignedTokens = true,
            RequireAudience = true,
            // exp, nbf and iat are judged by IdTokenClaimChecks against the injected clock (TimeProvider), which this
            // library version does not take.
            ValidateLifetime = false,
            // The keys come from the provider's own JWKS over https; there is no certificate chain to judge.
            ValidateIssuerSigningKey = false,
        });
        if (!validation.IsValid)
        {
            return Invalid(IdTokenFailures.Describe(validation.Exception, token));
        }

        return IdTokenClaimChecks.Check(token, config, rules, nonceDigest, time.GetUtcNow(), tolerance);
    }

    private static ConnectorError Invalid(string message) => new(ConnectorErrorCodes.InvalidIdToken, message);

    /// <summary>Provider-sent header text, quoted and cut short for a message.</summary>
    internal static string Quote(string? value) =>
        string.IsNullOrEmpty(value) ? "(none)" : $"'{(value.Length > 64 ? value[..64] + "…" : value)}'";

    private static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : "?";

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "ID token from {Host} refused: {Code}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string host, string code, string reason);
}
