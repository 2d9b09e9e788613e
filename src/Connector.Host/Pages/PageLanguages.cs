namespace Connector.Host.Pages;

/// <summary>
/// The languages the pages are written in, and how a visitor's is chosen: the OIDC request's <c>ui_locales</c>
/// (OIDC Core §3.1.2.1) first, then the browser's <c>Accept-Language</c> (RFC 9110 §12.5.4), then the default —
/// each only among the languages the operator enabled.
/// </summary>
internal static class PageLanguages
{
    public const string English = "en";

    public static readonly string[] Supported = ["en", "de", "fr", "es", "ja", "zh-CN"];

    public static string Choose(string? uiLocales, string? acceptLanguage, IReadOnlyList<string> enabled, string fallback)
    {
        foreach (var tag in (uiLocales ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Match(tag, enabled) is { } language)
            {
                return language;
            }
        }

        foreach (var tag in ByPreference(acceptLanguage))
        {
            if (Match(tag, enabled) is { } language)
            {
                return language;
            }
        }

        return enabled.Contains(fallback) ? fallback : enabled.Count > 0 ? enabled[0] : English;
    }

    /// <summary>The supported language a tag asks for: itself, or its base language (de-AT → de, zh / zh-Hans → zh-CN).</summary>
    public static string? Match(string tag, IReadOnlyList<string> among)
    {
        if (among.FirstOrDefault(language => string.Equals(language, tag, StringComparison.OrdinalIgnoreCase)) is { } exact)
        {
            return exact;
        }

        var primary = tag.Split('-')[0];
        return among.FirstOrDefault(language => string.Equals(language.Split('-')[0], primary, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary><c>Accept-Language</c>'s tags, highest quality first; <c>q=0</c> means "not this one".</summary>
    private static IEnumerable<string> ByPreference(string? header) =>
        (header ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((part, index) =>
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                var quality = pieces.Skip(1).Select(p => p.StartsWith("q=", StringComparison.Ordinal)
                    && double.TryParse(p[2..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q) ? q : 1.0).FirstOrDefault(1.0);
                return (Tag: pieces[0], Quality: quality, Index: index);
            })
            .Where(entry => entry.Quality > 0 && entry.Tag != "*")
            .OrderByDescending(entry => entry.Quality).ThenBy(entry => entry.Index)
            .Select(entry => entry.Tag);
}
