using Connector.OAuth2.Http;
using Connector.OAuth2.Results;
using Microsoft.IdentityModel.Tokens;

namespace Connector.OAuth2.IdTokens;

/// <summary>
/// Reads a provider's JWK Set (RFC 7517 §5) over the engine's named client, so the outbound address guard, the
/// timeout and the body cap apply to it as to every other provider call.
/// </summary>
internal sealed class JwksClient(IHttpClientFactory httpClientFactory)
{
    private readonly HttpClient _httpClient = httpClientFactory.CreateClient(ConnectorHttpClient.Name);

    /// <summary>The set's signing keys (RSA and EC only), or why there are none.</summary>
    public async Task<ConnectorResult<IReadOnlyList<JsonWebKey>>> FetchAsync(string jwksUri, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            using var response = await _httpClient.GetAsync(new Uri(jwksUri), HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return Invalid($"The provider's JWKS answered HTTP {(int)response.StatusCode}.", (int)response.StatusCode);
            }

            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ConnectorError(ConnectorErrorCodes.ProviderTimeout, "The provider's JWKS did not answer in time.");
        }
        catch (HttpRequestException exception)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return OutboundCallRefusedException.FindIn(exception) is { } refused
                ? Invalid("The provider's JWKS was not fetched: " + refused.Message)
                : Invalid("The provider's JWKS could not be fetched.");
        }

        return Parse(body);
    }

    private static ConnectorResult<IReadOnlyList<JsonWebKey>> Parse(string body)
    {
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(body);
        }
        catch (ArgumentException)
        {
            return Invalid("The provider's JWKS is not a JWK Set.");
        }

        // RFC 7517 §4.2: a key marked for encryption is not a signing key. A symmetric ("oct") key in a public set would
        // be a key anyone can read; verifying with it is exactly the forgery the algorithm list exists to prevent.
        var keys = set.Keys
            .Where(key => key.Kty is JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve)
            .Where(key => string.IsNullOrEmpty(key.Use) || key.Use == JsonWebKeyUseNames.Sig)
            .ToList();
        return keys.Count == 0 ? Invalid("The provider's JWKS holds no RSA or EC signing key.") : keys;
    }

    private static ConnectorError Invalid(string message, int? status = null) =>
        new(ConnectorErrorCodes.InvalidIdToken, message, ProviderStatus: status);
}
