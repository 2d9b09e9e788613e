using System.Reflection;
using System.Text.RegularExpressions;
using Connector.Host.Pages;
using Connector.Host.Problems;
using Connector.Host.SignIn;
using Connector.Host.Tests.Architecture;
using Connector.OAuth2.Results;

namespace Connector.Host.Tests.Pages;

/// <summary>
/// The page texts (each feature's <c>Texts/{language}.json</c> under <c>src/Connector.Host</c>, as embedded in the host): every supported
/// language has exactly the keys of English, no empty string, English's placeholders and code words; every key a page
/// or an error page names exists, and every English key is named somewhere.
/// </summary>
public sealed partial class PageTextTests
{
    private static readonly IReadOnlyDictionary<string, string> English = PageText.Languages[PageLanguages.English];

    public static TheoryData<string> Languages => [.. PageLanguages.Supported];

    public static TheoryData<string> Translations => [.. PageLanguages.Supported.Where(language => language != PageLanguages.English)];

    public static TheoryData<string> TextFolders => [.. TextFolderPaths()];

    private static IEnumerable<string> TextFolderPaths() => Directory
        .EnumerateDirectories(SourceTree.HostFolder, "Texts", SearchOption.AllDirectories)
        .Where(folder => !folder.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !folder.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Select(folder => Path.GetRelativePath(SourceTree.HostFolder, folder));

    [Theory]
    [MemberData(nameof(TextFolders))]
    public void EveryTextFolder_HasAFilePerSupportedLanguage_AndNoFileIsForAnotherLanguage(string folder)
    {
        var files = Directory.EnumerateFiles(Path.Combine(SourceTree.HostFolder, folder), "*.json")
            .Select(path => Path.GetFileNameWithoutExtension(path)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(PageLanguages.Supported.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void EverySupportedLanguage_IsEmbedded_AndNothingElse()
    {
        Assert.Contains(Path.Combine("Pages", "Texts"), TextFolderPaths());
        Assert.Equal(PageLanguages.Supported.Order(StringComparer.Ordinal), PageText.Languages.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void EachLanguage_HasExactlyTheKeysOfEnglish(string language)
    {
        var strings = PageText.Languages[language];

        Assert.Empty(English.Keys.Except(strings.Keys).Order(StringComparer.Ordinal)); // missing
        Assert.Empty(strings.Keys.Except(English.Keys).Order(StringComparer.Ordinal)); // extra
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryString_IsNonEmpty(string language)
    {
        var empty = PageText.Languages[language].Where(pair => string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key).ToList();

        Assert.Empty(empty);
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryString_HasTheSamePlaceholdersAsEnglish_AndFormats(string language)
    {
        var text = PageText.For(language);
        var problems = new List<string>();

        foreach (var (key, english) in English)
        {
            var translated = PageText.Languages[language].GetValueOrDefault(key) ?? "";
            if (!Placeholders(english).SequenceEqual(Placeholders(translated)))
            {
                problems.Add($"{key}: \"{translated}\" has not the placeholders of \"{english}\"");
            }

            try
            {
                _ = text.Format(key, "A", "B", "C");
            }
            catch (FormatException exception)
            {
                problems.Add($"{key}: {exception.Message}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(language, text.Language);
    }

    /// <summary>Product names, commands and protocol words (<c>scripts/run.sh --demo</c>, <c>id_token_hint</c>) are not translated.</summary>
    [Theory]
    [MemberData(nameof(Translations))]
    public void CodeWordsAndTheProductName_StayAsInEnglish(string language)
    {
        var strings = PageText.Languages[language];
        var problems = English
            .SelectMany(pair => CodeWord().Matches(pair.Value).Select(match => (pair.Key, Word: match.Value)))
            .Where(entry => !strings.GetValueOrDefault(entry.Key, "").Contains(entry.Word, StringComparison.Ordinal))
            .Select(entry => $"{entry.Key} lost \"{entry.Word}\"")
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(English["brand.name"], strings["brand.name"]);
        Assert.Equal(["scripts/run.sh", "--demo"], CodeWord().Matches(English["signIn.noneHint"]).Select(match => match.Value));
    }

    [Fact]
    public void EveryKeyASourceFileNames_IsInEnglish()
    {
        var used = UsedKeys();

        Assert.True(used.Count >= 40, $"the scan found the keys ({used.Count})");
        Assert.Empty(used.Except(English.Keys).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryEnglishKey_IsNamedBySomeSourceFile()
    {
        var used = UsedKeys();

        Assert.Empty(English.Keys.Except(used).Order(StringComparer.Ordinal));
    }

    /// <summary>The scan of sources sees every error page of the browser flow, as the running code builds them.</summary>
    [Fact]
    public void TheKeyScan_SeesEveryErrorPageOfTheSignInFlow()
    {
        var pages = typeof(SignInErrors).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(SignInErrorPage))
            .Select(field => (SignInErrorPage)field.GetValue(null)!)
            .Append(SignInErrors.Engine(new ConnectorError(ErrorCodes.ProviderTimeout, "slow")))
            .Append(SignInErrors.Engine(new ConnectorError(ErrorCodes.ProviderError, "wrong")))
            .ToList();
        var used = UsedKeys();

        Assert.True(pages.Count >= 10, "the error pages were found");
        Assert.All(pages, page =>
        {
            Assert.Contains(page.Texts + ".title", used);
            Assert.Contains(page.MessageKey ?? page.Texts + ".message", used);
        });
    }

    /// <summary>
    /// The keys the host's sources name: <c>Text["…"]</c>, <c>Text.Format("…", …)</c>, the title and message keys of
    /// <c>HtmlPages.Error(status, code, "…title", "…message", …)</c> (and <c>ErrorWithDetail</c>), and the error pages of the sign-in flow
    /// (<c>SignInErrorPage(status, code, "errors.x", "…")</c>: <c>errors.x.title</c>, <c>errors.x.message</c> and any key
    /// in the arguments after it); and any whole literal <c>"console.…"</c>, because the console keeps keys in data (its
    /// sections, notices, field lists) — a key is never glued together from pieces.
    /// </summary>
    private static HashSet<string> UsedKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, text) in SourceTree.HostSources())
        {
            keys.UnionWith(Indexed().Matches(text).Select(match => match.Groups[1].Value));
            keys.UnionWith(Formatted().Matches(text).Select(match => match.Groups[1].Value));
            keys.UnionWith(ConsoleKey().Matches(text).Select(match => match.Groups[1].Value));
            foreach (var arguments in Calls(text, ErrorCall()))
            {
                keys.UnionWith(arguments.Skip(2).Take(2).Select(Literal).OfType<string>());
            }

            foreach (var arguments in Calls(text, ErrorPageConstruction()))
            {
                if (arguments.Count > 2 && Literal(arguments[2]) is { } texts)
                {
                    keys.Add(texts + ".title");
                    keys.Add(texts + ".message");
                }

                keys.UnionWith(arguments.Skip(3).SelectMany(argument => StringLiteral().Matches(argument).Select(match => match.Groups[1].Value)));
            }
        }

        return keys;
    }

    /// <summary>The top-level arguments of each call the pattern finds (the pattern ends at the opening parenthesis).</summary>
    private static IEnumerable<List<string>> Calls(string text, Regex call)
    {
        foreach (Match match in call.Matches(text))
        {
            var arguments = new List<string>();
            var depth = 0;
            var start = match.Index + match.Length;
            for (var i = start; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '"')
                {
                    for (i++; i < text.Length && text[i] != '"'; i++)
                    {
                        i += text[i] == '\\' ? 1 : 0;
                    }
                }
                else if (c is '(' or '[' or '{')
                {
                    depth++;
                }
                else if (c is ')' or ']' or '}' && depth > 0)
                {
                    depth--;
                }
                else if (c is ',' or ')' && depth == 0)
                {
                    arguments.Add(text[start..i].Trim());
                    start = i + 1;
                    if (c == ')')
                    {
                        break;
                    }
                }
            }

            yield return arguments;
        }
    }

    private static string? Literal(string argument) => WholeLiteral().Match(argument) is { Success: true } match ? match.Groups[1].Value : null;

    private static IEnumerable<string> Placeholders(string value) =>
        Placeholder().Matches(value).Select(match => match.Value).Order(StringComparer.Ordinal);

    [GeneratedRegex("""Text\[\s*"([^"]+)"\s*\]""")]
    private static partial Regex Indexed();

    [GeneratedRegex(@"Text\.Format\(\s*""([^""]+)""")]
    private static partial Regex Formatted();

    [GeneratedRegex(@"""(console(?:\.[A-Za-z0-9]+)+)""")]
    private static partial Regex ConsoleKey();

    [GeneratedRegex(@"HtmlPages\.Error(?:WithDetail)?\(")]
    private static partial Regex ErrorCall();

    /// <summary><c>new SignInErrorPage(</c>, or a target-typed <c>new(</c> where a field or method of that type is declared.</summary>
    [GeneratedRegex(@"new\s+SignInErrorPage\s*\(|SignInErrorPage\s+\w+(?:\([^)]*\))?\s*(?:=>|=)\s*new\s*\(")]
    private static partial Regex ErrorPageConstruction();

    [GeneratedRegex("""^(?:\w+:\s*)?"([^"\\]*)"$""")]
    private static partial Regex WholeLiteral();

    [GeneratedRegex("\"([a-z][A-Za-z]*(?:\\.[a-z][A-Za-z]*)+)\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    /// <summary>A word with an underscore or a slash (<c>id_token_hint</c>, <c>scripts/run.sh</c>), or a command-line option.</summary>
    [GeneratedRegex(@"[\w.]*[_/][\w./]*|(?<!\w)--\w[\w-]*")]
    private static partial Regex CodeWord();
}
