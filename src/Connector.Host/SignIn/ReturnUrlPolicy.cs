using Connector.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Connector.Host.SignIn;

/// <summary>
/// Where a finished sign-in may send the browser: a path on this service, or an origin listed in
/// <c>Connectors:AllowedReturnUrls</c>. Anything else is an open redirect (RFC 9700 §4.11) and is refused.
/// </summary>
internal sealed class ReturnUrlPolicy(IOptions<ConnectorsOptions> options)
{
    private readonly HashSet<string> _origins = new(
        options.Value.AllowedReturnUrls.Select(Origin).OfType<string>(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Long enough for a resumed <c>/oidc/auth</c> request with its PKCE, nonce and claims parameters (a typical one
    /// is under 1 KB), short enough that the unfinished sign-ins an anonymous client can leave behind stay small.
    /// </summary>
    public const int MaxLength = 4096;

    /// <summary>The return target when it is allowed; null otherwise.</summary>
    public string? Allow(string? returnTo)
    {
        // Browsers drop tabs and newlines from URLs ("/\t/evil.example" becomes "//evil.example") and trim spaces;
        // a target that needs either is refused rather than guessed at. So is a backslash, which browsers read as '/'.
        if (string.IsNullOrEmpty(returnTo) || returnTo.Length > MaxLength
            || returnTo.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\'))
        {
            return null;
        }

        // A local path: one leading '/', not '//' (another host to a browser), also once percent-decoded
        // ("/%2F%2Fevil.example"), in case something on the way decodes it.
        if (returnTo[0] == '/')
        {
            return IsLocalPath(returnTo) ? returnTo : null;
        }

        // An absolute URL must be spelled out as scheme://host: "https:evil.example" is another thing to each parser.
        return Origin(returnTo) is { } origin && _origins.Contains(origin)
            && returnTo.StartsWith(origin, StringComparison.OrdinalIgnoreCase)
            && (returnTo.Length == origin.Length || returnTo[origin.Length] is '/' or '?' or '#')
            ? returnTo
            : null;
    }

    private static bool IsLocalPath(string returnTo)
    {
        var path = returnTo.Split('?', '#')[0];
        var decoded = Uri.UnescapeDataString(path);
        return !path.StartsWith("//", StringComparison.Ordinal)
            && !decoded.StartsWith("//", StringComparison.Ordinal) && !decoded.StartsWith("/\\", StringComparison.Ordinal)
            && !decoded.Any(char.IsControl);
    }

    private static string? Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && string.IsNullOrEmpty(uri.UserInfo)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
