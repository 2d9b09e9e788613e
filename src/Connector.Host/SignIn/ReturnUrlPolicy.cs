using Connector.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Connector.Host.SignIn;

/// <summary>
/// Where a finished sign-in may send the browser: a path on this service, or an origin listed in
/// <c>Connectors:AllowedReturnUrls</c>. Anything else is an open redirect (RFC 9700 §4.11) and is refused.
/// </summary>
internal sealed class ReturnUrlPolicy(IOptions<ConnectorsOptions> options)
{
    public const string Default = "/account";

    private readonly HashSet<string> _origins = new(
        options.Value.AllowedReturnUrls.Select(Origin).OfType<string>(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The return target when it is allowed; null otherwise.</summary>
    public string? Allow(string? returnTo)
    {
        if (string.IsNullOrEmpty(returnTo) || returnTo.Length > 2048 || returnTo.Any(char.IsControl))
        {
            return null;
        }

        // A local path: one leading '/', not '//' or '/\' (both mean another host to a browser).
        if (returnTo[0] == '/')
        {
            return returnTo.Length == 1 || (returnTo[1] != '/' && returnTo[1] != '\\') ? returnTo : null;
        }

        return Origin(returnTo) is { } origin && _origins.Contains(origin) ? returnTo : null;
    }

    private static string? Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && string.IsNullOrEmpty(uri.UserInfo)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
