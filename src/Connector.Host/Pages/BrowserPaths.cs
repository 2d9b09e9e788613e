namespace Connector.Host.Pages;

/// <summary>
/// The paths a person's browser visits (the sign-in flow, the issuer's authorization and end-session endpoints):
/// answers there that did not come from their own handler — an outage, a rate limit — are pages, elsewhere
/// problems. Each feature adds its own at registration (<see cref="PagesExtensions.AddBrowserPaths"/>).
/// </summary>
internal sealed class BrowserPaths(IEnumerable<BrowserPaths.Prefix> prefixes)
{
    private readonly PathString[] _prefixes = [.. prefixes.Select(prefix => new PathString(prefix.Path))];

    public bool Contains(PathString path) =>
        _prefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    internal sealed record Prefix(string Path);
}
