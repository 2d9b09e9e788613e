using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Connector.Host.Pages;

/// <summary>
/// Every string the pages show, in one language, from <c>Pages/Texts/{language}.json</c> (embedded): keys such as
/// <c>signIn.title</c>, values with <c>{0}</c>-style holes. A key missing in a language falls back to English, which
/// a test keeps from happening.
/// </summary>
public sealed class PageText
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> All = Load();

    private readonly FrozenDictionary<string, string> _strings;

    private PageText(string language)
    {
        Language = language;
        _strings = All.GetValueOrDefault(language) ?? All[PageLanguages.English];
    }

    /// <summary>The BCP 47 tag of the language, for <c>&lt;html lang&gt;</c>.</summary>
    public string Language { get; }

    public static PageText For(string language) => new(All.ContainsKey(language) ? language : PageLanguages.English);

    /// <summary>The keys and strings of each language, for the test that every language has every key.</summary>
    internal static IReadOnlyDictionary<string, FrozenDictionary<string, string>> Languages => All;

    public string this[string key] => _strings.GetValueOrDefault(key) ?? All[PageLanguages.English].GetValueOrDefault(key) ?? key;

    public string Format(string key, params object?[] values) => string.Format(CultureInfo.InvariantCulture, this[key], values);

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var assembly = typeof(PageText).Assembly;
        const string prefix = "texts/";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .ToFrozenDictionary(
                name => name[prefix.Length..^".json".Length],
                name =>
                {
                    using var stream = assembly.GetManifestResourceStream(name)!;
                    return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.ToFrozenDictionary(StringComparer.Ordinal);
                },
                StringComparer.Ordinal);
    }
}
