using System.Net;

namespace Connector.OAuth2.Configuration;

/// <summary>What an endpoint URL must be: absolute https, or http to a loopback host when insecure endpoints are allowed.</summary>
public static class EndpointRules
{
    /// <summary>Null when the URL is acceptable, else the validation code that says why not.</summary>
    public static string? Check(string? url, bool allowInsecureEndpoints)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return ValidationCodes.Required;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            // RFC 6749 §3.1: endpoint URIs carry no fragment; credentials in a URL would leak into logs.
            return ValidationCodes.InvalidUrl;
        }

        if (uri.Scheme == "http" && !(allowInsecureEndpoints && IsLoopback(uri)))
        {
            return ValidationCodes.InsecureUrl;
        }

        return null;
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback
        || string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address));
}
