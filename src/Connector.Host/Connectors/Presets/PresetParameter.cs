using System.Text.RegularExpressions;

namespace Connector.Host.Connectors.Presets;

/// <summary>
/// A value a preset needs before its config is whole: an IdP that lives at the customer's own domain (Okta, Auth0,
/// Keycloak) or tenant (Entra ID). The preset's config writes it as <c>{name}</c>; a create request gives it in
/// <c>presetParameters</c>. A value is checked against its <see cref="Kind"/> before it is put into any URL, so it can
/// name a host or one path segment and nothing else (no scheme, no path, no query, no user info).
/// </summary>
internal sealed record PresetParameter(string Name, string Kind, string Description, string Example)
{
    /// <summary>A DNS host name, optionally with a port (<c>sso.example.com:8443</c>).</summary>
    public const string HostKind = "host";

    /// <summary>One URL path segment of letters, digits and <c>. _ ~ -</c> (a realm, a tenant id or domain).</summary>
    public const string SegmentKind = "segment";

    public static readonly IReadOnlyList<string> Kinds = [HostKind, SegmentKind];

    /// <summary>The placeholder the preset's config carries.</summary>
    public string Placeholder => "{" + Name + "}";

    /// <summary>Whether <paramref name="value"/> may stand in for this parameter.</summary>
    public bool Accepts(string value) => Kind switch
    {
        HostKind => PresetParameterPatterns.Host().IsMatch(value),
        SegmentKind => PresetParameterPatterns.Segment().IsMatch(value),
        _ => false,
    };
}

internal static partial class PresetParameterPatterns
{
    // RFC 1123 labels of at most 63 characters, at most 253 in all, then an optional port.
    [GeneratedRegex(@"^(?=[^:]{1,253}(:|$))[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::[0-9]{1,5})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Host();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$", RegexOptions.CultureInvariant)]
    public static partial Regex Segment();
}
