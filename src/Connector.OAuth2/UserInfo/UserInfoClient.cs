using System.Net;
using System.Text.Json;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Diagnostics;
using Connector.OAuth2.Http;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tokens;
using Flurl.Http;
using Microsoft.Extensions.Logging;

namespace Connector.OAuth2.UserInfo;

/// <summary>
/// Reads the user's profile with the access token (RFC 6750 §2.1), through Flurl on the engine's named
/// client: GET, or POST without a body, with the connector's extra headers. A 5xx is retried once:
/// reading a profile is safe to repeat, unlike the code exchange.
/// </summary>
internal sealed partial class UserInfoClient(IHttpClientFactory httpClientFactory, ProviderTelemetry telemetry, ILogger<UserInfoClient> logger)
    : IDisposable
{
    private const int MaxAttempts = 2;

    // One Flurl client over the engine's named HttpClient for the engine's lifetime: nothing built per call.
    private readonly FlurlClient _flurl = CreateFlurlClient(httpClientFactory);

    /// <summary>
    /// Flurl follows redirects itself, whatever the handler's <c>AllowAutoRedirect</c> says; a userinfo endpoint
    /// answering 3xx is answering wrong (as the token endpoint would be), so its answer is taken as it is.
    /// </summary>
    private static FlurlClient CreateFlurlClient(IHttpClientFactory httpClientFactory)
    {
        var client = new FlurlClient(httpClientFactory.CreateClient(ConnectorHttpClient.Name));
        client.Settings.Redirects.Enabled = false;
        return client;
    }

    public async Task<ConnectorResult<JsonElement>> GetAsync(
        OAuth2ConnectorConfig config, TokenSet tokens, ProviderCalls calls, CancellationToken cancellationToken)
    {
        var result = await CallAsync(config, config.UserInfoEndpoint, config.UserInfoMethod, tokens, calls, cancellationToken);
        if (!result.IsError && result.Value.ValueKind != JsonValueKind.Object)
        {
            result = new ConnectorError(ConnectorErrorCodes.InvalidUserInfoResponse,
                $"The userinfo answer is a JSON {result.Value.ValueKind.ToString().ToLowerInvariant()}, not an object.");
        }

        if (result.IsError)
        {
            LogFailure(logger, Host(config.UserInfoEndpoint), result.Error.Code, result.Error.ProviderStatus);
        }

        return result;
    }

    /// <summary>The email list of <see cref="EmailLookup"/>; a JSON array or an error.</summary>
    public async Task<ConnectorResult<JsonElement>> GetEmailsAsync(
        OAuth2ConnectorConfig config, EmailLookup lookup, TokenSet tokens, ProviderCalls calls, CancellationToken cancellationToken)
    {
        var result = await CallAsync(config, lookup.Endpoint, "GET", tokens, calls, cancellationToken);
        if (!result.IsError && result.Value.ValueKind != JsonValueKind.Array)
        {
            result = new ConnectorError(ConnectorErrorCodes.InvalidUserInfoResponse, "The email lookup answer is not a JSON array.");
        }

        if (result.IsError)
        {
            LogFailure(logger, Host(lookup.Endpoint), result.Error.Code, result.Error.ProviderStatus);
        }

        return result;
    }

    /// <summary>Each attempt is a provider call of its own, with its own span and duration.</summary>
    private async Task<ConnectorResult<JsonElement>> CallAsync(
        OAuth2ConnectorConfig config, string endpoint, string method, TokenSet tokens, ProviderCalls calls, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var request = _flurl.Request(endpoint)
                .WithHeader("Authorization", "Bearer " + tokens.AccessToken)
                .AllowAnyHttpStatus();
            foreach (var (name, value) in config.UserInfoHeaders ?? Empty)
            {
                request.WithHeader(name, value.Replace("{clientId}", config.ClientId, StringComparison.Ordinal));
            }

            using var call = telemetry.Start(ProviderEndpoints.UserInfo, endpoint, calls);
            var result = await SendOnceAsync(request, method, _flurl.HttpClient.MaxResponseContentBufferSize, cancellationToken);
            call.End(result.Error);
            if (!(result.IsError && result.Error.ProviderStatus >= 500 && attempt < MaxAttempts))
            {
                return result;
            }
        }
    }

    private static async Task<ConnectorResult<JsonElement>> SendOnceAsync(IFlurlRequest request, string method, long maxBytes, CancellationToken cancellationToken)
    {
        IFlurlResponse response;
        try
        {
            // Dropbox wants POST with no body and no Content-Type: a null content sends exactly that.
            response = method == "POST"
                ? await request.PostAsync(null, HttpCompletionOption.ResponseContentRead, cancellationToken)
                : await request.GetAsync(HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (FlurlHttpTimeoutException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ConnectorError(ConnectorErrorCodes.ProviderTimeout, "The userinfo endpoint did not answer in time.");
        }
        catch (FlurlHttpException exception)
        {
            // Flurl wraps a caller's cancellation too; it must propagate, never become an error value.
            cancellationToken.ThrowIfCancellationRequested();
            if (OutboundCallRefusedException.FindIn(exception) is { } refused)
            {
                return new ConnectorError(ConnectorErrorCodes.UserInfoFailed, "The userinfo endpoint was not called: " + refused.Message);
            }

            return exception.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded }
                ? new ConnectorError(ConnectorErrorCodes.InvalidUserInfoResponse, $"The userinfo answer is larger than {maxBytes} bytes.")
                : new ConnectorError(ConnectorErrorCodes.UserInfoFailed, "The userinfo endpoint could not be reached.");
        }

        using var message = response.ResponseMessage;
        var status = (int)message.StatusCode;
        if (!message.IsSuccessStatusCode)
        {
            return new ConnectorError(ConnectorErrorCodes.UserInfoFailed, $"The userinfo endpoint answered HTTP {status}.",
                ProviderStatus: status, ProviderError: BearerError(message));
        }

        var body = await message.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            // Deserializing to JsonElement gives a self-contained value (no pooled document to dispose).
            return JsonSerializer.Deserialize<JsonElement>(body);
        }
        catch (JsonException)
        {
            return new ConnectorError(ConnectorErrorCodes.InvalidUserInfoResponse, "The userinfo answer is not JSON.", ProviderStatus: status);
        }
    }

    /// <summary>RFC 6750 §3: a resource server names its error in <c>WWW-Authenticate: Bearer error="…"</c>.</summary>
    private static string? BearerError(HttpResponseMessage message)
    {
        if (message.StatusCode != HttpStatusCode.Unauthorized)
        {
            return null;
        }

        foreach (var challenge in message.Headers.WwwAuthenticate)
        {
            var marker = challenge.Parameter?.IndexOf("error=\"", StringComparison.Ordinal) ?? -1;
            if (marker >= 0)
            {
                var start = marker + 7;
                var end = challenge.Parameter!.IndexOf('"', start);
                return end > start ? challenge.Parameter[start..end] : null;
            }
        }

        return null;
    }

    private static readonly Dictionary<string, string> Empty = [];

    public void Dispose() => _flurl.Dispose();

    private static string Host(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.Authority : "?";

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Userinfo from {Host} failed: {Code} (status {Status})")]
    private static partial void LogFailure(ILogger logger, string host, string code, int? status);
}
