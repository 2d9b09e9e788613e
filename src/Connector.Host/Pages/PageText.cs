using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Connector.Host.Pages;

/// <summary>
/// Every string the pages show, in one language, from each feature's <c>Texts/{language}.json</c> (embedded): keys such as
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

    /// <summary>Whether <paramref name="key"/> is a page text (for keys made from input, which must not show as themselves).</summary>
    public bool Has(string key) => _strings.ContainsKey(key);

    public string Format(string key, params object?[] values) => string.Format(CultureInfo.InvariantCulture, this[key], values);

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var assembly = typeof(PageText).Assembly;
        const string prefix = "texts/";
        var languages = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal)))
        {
            // texts/{feature folder}/Texts/{language}.json
            var language = Path.GetFileNameWithoutExtension(name.Replace('\\', '/'));
            using var stream = assembly.GetManifestResourceStream(name)!;
            var strings = languages.TryGetValue(language, out var known) ? known : languages[language] = new(StringComparer.Ordinal);
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!)
            {
                if (!strings.TryAdd(key, value))
                {
                    throw new InvalidOperationException($"The page text '{key}' ({language}) is defined twice; {name} repeats it.");
                }
            }
        }

        return languages.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
