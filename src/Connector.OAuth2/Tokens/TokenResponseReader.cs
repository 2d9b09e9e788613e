using System.Globalization;
using System.Text;
using System.Text.Json;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Results;

namespace Connector.OAuth2.Tokens;

/// <summary>
/// Judges a token endpoint's answer by its content, not only its status: JSON (RFC 6749 §5.1) or
/// form-encoded (GitHub's default), chosen by <c>tokenEndpointResponseType</c> or, when absent, by the
/// answer's Content-Type. An <c>error</c> field (GitHub, HTTP 200) or <c>ok:false</c> (Slack) is a failure.
/// </summary>
internal static class TokenResponseReader
{
    public static ConnectorResult<TokenSet> Read(HttpResponseMessage response, byte[] body, string? configuredType)
    {
        var status = (int)response.StatusCode;
        var formEncoded = IsFormEncoded(response, configuredType);
        var fields = formEncoded ? FormFields(body) : JsonFields(body);

        if (!response.IsSuccessStatusCode || fields?.IsFailure == true)
        {
            var (error, description) = fields?.Error() ?? (null, null);
            var message = error is null && description is null
                ? $"The token endpoint answered HTTP {status}."
                : $"The token endpoint answered HTTP {status}: {error ?? "error"}{(description is null ? "" : $" ({description})")}.";
            return new ConnectorError(ConnectorErrorCodes.TokenExchangeFailed, message, error, description, status);
        }

        if (fields is null)
        {
            return new ConnectorError(ConnectorErrorCodes.InvalidTokenResponse,
                $"The token endpoint's answer is not {(formEncoded ? "form-encoded" : "a JSON object")}.", ProviderStatus: status);
        }

        var accessToken = fields.Text("access_token");
        if (string.IsNullOrEmpty(accessToken))
        {
            return new ConnectorError(ConnectorErrorCodes.InvalidTokenResponse, "The token answer has no access_token.", ProviderStatus: status);
        }

        return new TokenSet(
            accessToken,
            TokenType(fields.Text("token_type")),
            long.TryParse(fields.Text("expires_in"), NumberStyles.None, CultureInfo.InvariantCulture, out var expiresIn) ? expiresIn : null,
            fields.Text("refresh_token"),
            fields.Scope(),
            fields.Text("id_token"));
    }

    private static TokenFields? FormFields(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return string.IsNullOrWhiteSpace(text) ? null : TokenFields.FromForm(text);
    }

    private static TokenFields? JsonFields(byte[] body)
    {
        try
        {
            // A self-contained JsonElement (no pooled document to dispose): the fields are read once, right away.
            var json = JsonSerializer.Deserialize<JsonElement>(body);
            return json.ValueKind == JsonValueKind.Object ? TokenFields.FromJson(json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>RFC 6750 names the type "Bearer"; providers write "bearer", "BEARER" or leave it out.</summary>
    private static string TokenType(string? type) =>
        string.IsNullOrEmpty(type) || string.Equals(type, "bearer", StringComparison.OrdinalIgnoreCase) ? "Bearer" : type;

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
}
