using System.Text;
using Connector.OAuth2.Configuration;

namespace Connector.OAuth2.Authorization;

/// <summary>Builds the RFC 6749 §4.1.1 authorization request URL for a connector.</summary>
public static class AuthorizationUrlBuilder
{
    private static readonly Dictionary<string, string> Empty = [];

    public static Uri Build(OAuth2ConnectorConfig config, AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(request);
        if (config.Pkce && string.IsNullOrEmpty(request.CodeChallenge))
        {
            throw new ArgumentException("The connector uses PKCE: a code challenge is required.", nameof(request));
        }

        var verifiesIdToken = config.IdTokenVerificationConfig is not null;
        if (verifiesIdToken && string.IsNullOrEmpty(request.Nonce))
        {
            throw new ArgumentException("The connector verifies ID tokens: a nonce is required.", nameof(request));
        }

        var endpoint = config.AuthorizationEndpoint;
        var url = new StringBuilder(endpoint, endpoint.Length + 256);

        // A query string already on the endpoint is kept and extended (Logto appends a second '?').
        var separator = endpoint.Contains('?', StringComparison.Ordinal)
            ? (endpoint.EndsWith('?') || endpoint.EndsWith('&') ? "" : "&")
            : "?";
        url.Append(separator);

        Append(url, "response_type", config.ResponseType, first: true);
        Append(url, "client_id", config.ClientId);
        Append(url, "redirect_uri", request.RedirectUri);
        var scope = request.Scope ?? config.Scope;
        if (verifiesIdToken)
        {
            // OpenID Connect Core 1.0 §3.1.2.1: without the openid scope no ID token comes back (Logto adds it too).
            scope = OpenIdScope.Ensure(scope);
        }

        if (!string.IsNullOrEmpty(scope))
        {
            Append(url, "scope", scope);
        }

        Append(url, "state", request.State);
        if (config.Pkce)
        {
            Append(url, "code_challenge", request.CodeChallenge!);
            Append(url, "code_challenge_method", PkceCodes.Method);
        }

        if (verifiesIdToken)
        {
            Append(url, "nonce", request.Nonce!);
        }

        // OAuth 2.0 Multiple Response Type Encoding Practices §2.1: query is the code flow's default, so only form_post is sent.
        if (config.ResponseMode == ResponseModes.FormPost)
        {
            Append(url, "response_mode", ResponseModes.FormPost);
        }

        foreach (var (key, value) in config.CustomConfig ?? Empty)
        {
            Append(url, ParameterNames.ToSnakeCase(key), value);
        }

        foreach (var (key, value) in config.AuthorizationParams ?? Empty)
        {
            Append(url, key, value);
        }

        return new Uri(url.ToString());
    }

    private static void Append(StringBuilder url, string name, string value, bool first = false)
    {
        if (!first)
        {
            url.Append('&');
        }

        url.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }
}
