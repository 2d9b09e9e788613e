using System.Net;
using System.Text.Json;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Http;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tokens;
using Flurl.Http;
using Microsoft.Extensions.Logging;

namespace Connector.OAuth2.UserInfo;

/// <summary>
/// Reads the user's profile with the access token (RFC 6750 §2.1), through Flurl on the engine's
/// named client. A 5xx is retried once: reading a profile is safe to repeat, unlike the code exchange.
/// </summary>
internal sealed partial class UserInfoClient(IHttpClientFactory httpClientFactory, ILogger<UserInfoClient> logger)
{
    private const int MaxAttempts = 2;

    public async Task<ConnectorResult<JsonElement>> GetAsync(OAuth2ConnectorConfig config, TokenSet tokens, CancellationToken cancellationToken)
    {
        var httpClient = httpClientFactory.CreateClient(ConnectorHttpClient.Name);
        using var flurl = new FlurlClient(httpClient);
        for (var attempt = 1; ; attempt++)
        {
            var result = await TryOnceAsync(flurl, httpClient, config, tokens, cancellationToken);
            if (result.IsError && result.Error.ProviderStatus >= 500 && attempt < MaxAttempts)
            {
                continue;
            }

            if (result.IsError)
            {
                LogFailure(logger, Host(config), result.Error.Code, result.Error.ProviderStatus);
            }

            return result;
        }
    }

    private static async Task<ConnectorResult<JsonElement>> TryOnceAsync(
        FlurlClient flurl, HttpClient httpClient, OAuth2ConnectorConfig config, TokenSet tokens, CancellationToken cancellationToken)
    {
        IFlurlResponse response;
        try
        {
            response = await flurl.Request(config.UserInfoEndpoint)
                .WithHeader("Authorization", "Bearer " + tokens.AccessToken)
                .AllowAnyHttpStatus()
                .GetAsync(HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (FlurlHttpTimeoutException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ConnectorError(ConnectorErrorCodes.ProviderTimeout, "The userinfo endpoint did not answer in time.");
        }
        catch (FlurlHttpException exception)
        {
            // Flurl wraps a caller's cancellation too; it must propagate, never become an error value.
            cancellationToken.ThrowIfCancellationRequested();
            return exception.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded }
                ? new ConnectorError(ConnectorErrorCodes.InvalidUserInfoResponse,
                    $"The userinfo answer is larger than {httpClient.MaxResponseContentBufferSize} bytes.")
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
        return UserInfoReader.Read(body, status);
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

    private static string Host(OAuth2ConnectorConfig config) =>
        Uri.TryCreate(config.UserInfoEndpoint, UriKind.Absolute, out var uri) ? uri.Authority : "?";

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Userinfo from {Host} failed: {Code} (status {Status})")]
    private static partial void LogFailure(ILogger logger, string host, string code, int? status);
}
