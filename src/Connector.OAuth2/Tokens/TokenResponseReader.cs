using System.Collections.Specialized;
using System.Globalization;
using System.Text.Json;
using System.Web;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Results;

namespace Connector.OAuth2.Tokens;

/// <summary>
/// Judges a token endpoint's answer: JSON (RFC 6749 §5.1) or form-encoded (GitHub's default), chosen by
/// <c>tokenEndpointResponseType</c> or, when absent, by the answer's Content-Type.
/// </summary>
internal static class TokenResponseReader
{
    public static ConnectorResult<TokenSet> Read(HttpResponseMessage response, string? raw, JsonElement? json, string? configuredType)
    {
        var status = (int)response.StatusCode;
        var fields = Parse(IsFormEncoded(response, configuredType), raw, json);

        var error = fields?.Get("error");
        if (!response.IsSuccessStatusCode || error is not null)
        {
            // RFC 6749 §5.2; GitHub reports failures with HTTP 200 and an error field.
            var description = fields?.Get("error_description");
            var message = error is null
                ? $"The token endpoint answered HTTP {status}."
                : $"The token endpoint answered HTTP {status}: {error}{(description is null ? "" : $" ({description})")}.";
            return new ConnectorError(ConnectorErrorCodes.TokenExchangeFailed, message, error, description, status);
        }

        if (fields is null)
        {
            return new ConnectorError(ConnectorErrorCodes.InvalidTokenResponse,
                $"The token endpoint's answer is not {(IsFormEncoded(response, configuredType) ? "form-encoded" : "a JSON object")}.",
                ProviderStatus: status);
        }

        var accessToken = fields.Get("access_token");
        if (string.IsNullOrEmpty(accessToken))
        {
            return new ConnectorError(ConnectorErrorCodes.InvalidTokenResponse, "The token answer has no access_token.", ProviderStatus: status);
        }

        return new TokenSet(
            accessToken,
            // RFC 6750 names the type "Bearer"; providers write "bearer" or leave it out.
            fields.Get("token_type") is { Length: > 0 } type ? type : "Bearer",
            long.TryParse(fields.Get("expires_in"), NumberStyles.None, CultureInfo.InvariantCulture, out var expiresIn) ? expiresIn : null,
            fields.Get("refresh_token"),
            fields.Get("scope"),
            fields.Get("id_token"));
    }

    private static bool IsFormEncoded(HttpResponseMessage response, string? configuredType)
    {
        if (configuredType is not null)
        {
            return configuredType == TokenResponseTypes.QueryString;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        return string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || string.Equals(mediaType, "text/plain", StringComparison.OrdinalIgnoreCase);
    }

    private static TokenFields? Parse(bool formEncoded, string? raw, JsonElement? json)
    {
        if (formEncoded)
        {
            return string.IsNullOrWhiteSpace(raw) ? null : TokenFields.FromForm(HttpUtility.ParseQueryString(raw));
        }

        return json is { ValueKind: JsonValueKind.Object } element ? TokenFields.FromJson(element) : null;
    }

    /// <summary>Token answer fields read the same way from either format.</summary>
    private sealed class TokenFields
    {
        private readonly Func<string, string?> _get;

        private TokenFields(Func<string, string?> get) => _get = get;

        public string? Get(string name) => _get(name);

        public static TokenFields FromForm(NameValueCollection form) => new(name => form[name]);

        public static TokenFields FromJson(JsonElement json) => new(name =>
            json.TryGetProperty(name, out var value)
                ? value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    // Twitch sends scope as an array of strings.
                    JsonValueKind.Array => string.Join(' ', value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString())),
                    _ => null,
                }
                : null);
    }
}
