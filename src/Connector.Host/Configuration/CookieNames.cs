namespace Connector.Host.Configuration;

/// <summary>
/// The service's cookie names. Served over https (by <see cref="ConnectorsOptions.PublicOrigin"/>), each gets the
/// <c>__Host-</c> prefix (RFC 6265bis §4.1.3.2): the browser then keeps it only if it is Secure, for this host alone
/// (no Domain) and for every path, so a sibling subdomain or a plain-http page cannot plant or shadow it. Browsers
/// refuse that prefix on plain http, where development and the demo run, so there the bare name is used.
/// </summary>
internal static class CookieNames
{
    private const string HostPrefix = "__Host-";

    public static string For(string name, ConnectorsOptions options) => IsHttps(options) ? HostPrefix + name : name;

    /// <summary>Names <paramref name="cookie"/> (<see cref="For"/>) and makes it Secure whenever the service is reached over https.</summary>
    public static void Apply(CookieBuilder cookie, string name, ConnectorsOptions options)
    {
        cookie.Name = For(name, options);
        cookie.SecurePolicy = IsHttps(options) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    }

    /// <summary>Whether the service is reached over https: its cookies must then be Secure whatever the hop to us was.</summary>
    public static bool IsHttps(ConnectorsOptions options) =>
        Uri.TryCreate(options.PublicOrigin, UriKind.Absolute, out var origin) && origin.Scheme == Uri.UriSchemeHttps;
}
