using Connector.OAuth2.Configuration;
using Connector.OAuth2.Diagnostics;
using Connector.OAuth2.Http;
using Connector.OAuth2.Results;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;

namespace Connector.OAuth2.Tokens;

/// <summary>
/// The token endpoint's grants through Duende.IdentityModel, which owns client authentication: an authorization
/// code for tokens (RFC 6749 §4.1.3), and a refresh token for new ones (RFC 6749 §6). Never retried: a code is
/// single use (RFC 6749 §4.1.2), and so is a refresh token at a provider that rotates them.
/// </summary>
internal sealed partial class TokenClient(
    IHttpClientFactory httpClientFactory, ProviderTelemetry telemetry, TimeProvider time, ILogger<TokenClient> logger)
{
    private readonly HttpClient _httpClient = httpClientFactory.CreateClient(ConnectorHttpClient.Name);

    private static readonly Dictionary<string, string> Empty = [];

    public Task<ConnectorResult<TokenSet>> ExchangeAsync(
        OAuth2ConnectorConfig config, CodeExchange exchange, ProviderCalls calls, CancellationToken cancellationToken) =>
        RequestAsync(config, CodeGrant(exchange), calls, cancellationToken);

    /// <summary>RFC 6749 §6: the same client authentication as the code exchange; the answer is read the same way.</summary>
    public Task<ConnectorResult<TokenSet>> RefreshAsync(
        OAuth2ConnectorConfig config, string refreshToken, ProviderCalls calls, CancellationToken cancellationToken) =>
        RequestAsync(config, [new("grant_type", "refresh_token"), new("refresh_token", refreshToken)], calls, cancellationToken);

    private async Task<ConnectorResult<TokenSet>> RequestAsync(
        OAuth2ConnectorConfig config, IEnumerable<KeyValuePair<string, string>> grant, ProviderCalls calls, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(config, grant);
        using var call = telemetry.Start(ProviderEndpoints.Token, config.TokenEndpoint, calls);
        ConnectorResult<TokenSet> result;
        try
        {
            // Duende builds the request (form and client authentication); the answer is read here, from bytes,
            // because it may be form-encoded and is judged by content (TokenResponseReader).
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            result = TokenResponseReader.Read(response, await response.Content.ReadAsByteArrayAsync(cancellationToken), config.TokenEndpointResponseType);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimeout(logger, Host(config));
            result = new ConnectorError(ConnectorErrorCodes.ProviderTimeout, "The token endpoint did not answer in time.");
            call.End(result.Error);
            return result;
        }
        catch (HttpRequestException exception)
        {
            result = FromTransportFailure(exception, _httpClient, cancellationToken);
        }

        call.End(result.Error);
        if (result.IsError)
        {
            LogFailure(logger, Host(config), result.Error.Code, result.Error.ProviderStatus, result.Error.ProviderError);
        }

        return result;
    }

    /// <summary>RFC 6749 §4.1.3 and RFC 7636 §4.5.</summary>
    private static List<KeyValuePair<string, string>> CodeGrant(CodeExchange exchange)
    {
        List<KeyValuePair<string, string>> grant =
            [new("grant_type", "authorization_code"), new("code", exchange.Code), new("redirect_uri", exchange.RedirectUri)];
        if (exchange.CodeVerifier is not null)
        {
            grant.Add(new("code_verifier", exchange.CodeVerifier));
        }

        return grant;
    }

    private ProtocolRequest CreateRequest(OAuth2ConnectorConfig config, IEnumerable<KeyValuePair<string, string>> grant)
    {
        var request = new ProtocolRequest
        {
            Address = config.TokenEndpoint,
            RequestUri = new Uri(config.TokenEndpoint),
            Method = HttpMethod.Post,
        };

        foreach (var (key, value) in grant)
        {
            request.Parameters.Add(key, value);
        }

        ClientAuthentication.Apply(request, config, time);

        foreach (var (key, value) in config.CustomConfig ?? Empty)
        {
            request.Parameters.Add(ParameterNames.ToSnakeCase(key), value);
        }

        foreach (var (key, value) in config.TokenParams ?? Empty)
        {
            request.Parameters.Add(key, value);
        }

        request.Prepare(); // Duende applies client authentication and writes the form body
        return request;
    }

    private static ConnectorError FromTransportFailure(Exception? exception, HttpClient httpClient, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return exception switch
        {
            OperationCanceledException => new ConnectorError(ConnectorErrorCodes.ProviderTimeout, "The token endpoint did not answer in time."),
            HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } => new ConnectorError(
                ConnectorErrorCodes.InvalidTokenResponse, $"The token answer is larger than {httpClient.MaxResponseContentBufferSize} bytes."),
            _ when OutboundCallRefusedException.FindIn(exception) is { } refused => new ConnectorError(
                ConnectorErrorCodes.TokenExchangeFailed, "The token endpoint was not called: " + refused.Message),
            _ => new ConnectorError(ConnectorErrorCodes.TokenExchangeFailed, "The token endpoint could not be reached."),
        };
    }

    private static string Host(OAuth2ConnectorConfig config) =>
        Uri.TryCreate(config.TokenEndpoint, UriKind.Absolute, out var uri) ? uri.Authority : "?";

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Token exchange with {Host} timed out")]
    private static partial void LogTimeout(ILogger logger, string host);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "Token exchange with {Host} failed: {Code} (status {Status}, provider error {ProviderError})")]
    private static partial void LogFailure(ILogger logger, string host, string code, int? status, string? providerError);
}
