using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Connector.OAuth2.Profiles;

/// <summary>
/// One <c>profileMap</c> value, a superset of Logto's dot paths:
/// <list type="bullet">
/// <item>paths: <c>data.user.id</c>, <c>emails.0.value</c> (a digits segment indexes an array);</item>
/// <item>keys that contain dots, quoted: <c>["https://slack.com/team_id"]</c> or <c>profile.["a.b"]</c>;</item>
/// <item>fallbacks, first that resolves wins: <c>global_name|username</c>;</item>
/// <item>templates built from other paths: <c>https://cdn.discordapp.com/avatars/{id}/{avatar}.png</c>, or a name
/// <c>{user.name.firstName} {user.name.lastName}</c> (missing when any placeholder is missing; in a template that
/// builds a URL, values are URL-escaped so they cannot change where it points; elsewhere they are kept as written).</item>
/// </list>
/// </summary>
internal sealed class ProfileExpression
{
    private readonly IReadOnlyList<Alternative> _alternatives;

    private ProfileExpression(IReadOnlyList<Alternative> alternatives) => _alternatives = alternatives;

    public static bool TryParse(string text, out ProfileExpression expression)
    {
        expression = null!;
        var alternatives = new List<Alternative>();
        foreach (var part in SplitTopLevel(text))
        {
            if (!Alternative.TryParse(part.Trim(), out var alternative))
            {
                return false;
            }

            alternatives.Add(alternative);
        }

        expression = new ProfileExpression(alternatives);
        return alternatives.Count > 0;
    }

    /// <summary>The first alternative that yields a usable scalar, as a string; null when none does.</summary>
    public string? Evaluate(JsonElement root)
    {
        foreach (var alternative in _alternatives)
        {
            if (alternative.Evaluate(root) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Splits on '|' outside quotes and braces.</summary>
    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"': quoted = !quoted; break;
                case '{' when !quoted: depth++; break;
                case '}' when !quoted: depth--; break;
                case '|' when !quoted && depth == 0:
                    parts.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>A path, or a template of literal text and <c>{path}</c> placeholders.</summary>
    private sealed class Alternative
    {
        private readonly IReadOnlyList<string>? _path;
        private readonly IReadOnlyList<(string Literal, IReadOnlyList<string>? Path)>? _template;

        private Alternative(IReadOnlyList<string>? path, IReadOnlyList<(string, IReadOnlyList<string>?)>? template)
        {
            _path = path;
            _template = template;
        }

        public static bool TryParse(string text, out Alternative alternative)
        {
            alternative = null!;
            if (!text.Contains('{', StringComparison.Ordinal))
            {
                if (!TryParsePath(text, out var path))
                {
                    return false;
                }

                alternative = new Alternative(path, null);
                return true;
            }

            var parts = new List<(string, IReadOnlyList<string>?)>();
            var position = 0;
            while (position < text.Length)
            {
                var open = text.IndexOf('{', position);
                if (open < 0)
                {
                    parts.Add((text[position..], null));
                    break;
                }

                var close = text.IndexOf('}', open);
                if (close < 0 || !TryParsePath(text[(open + 1)..close], out var placeholder))
                {
                    return false;
                }

                parts.Add((text[position..open], placeholder));
                position = close + 1;
            }

            alternative = new Alternative(null, parts);
            return true;
        }

        /// <summary>A template whose text starts as an absolute http(s) URL: its values are URL-escaped.</summary>
        private bool BuildsUrl => _template![0].Literal.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || _template[0].Literal.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

        public string? Evaluate(JsonElement root)
        {
            if (_path is not null)
            {
                return Resolve(root, _path);
            }

            var result = new StringBuilder();
            foreach (var (literal, path) in _template!)
            {
                result.Append(literal);
                if (path is not null)
                {
                    if (Resolve(root, path) is not { } value)
                    {
                        return null; // a template with a hole would be a broken URL
                    }

                    result.Append(BuildsUrl ? Uri.EscapeDataString(value) : value);
                }
            }

            return result.ToString();
        }

        private static bool TryParsePath(string text, out IReadOnlyList<string> path)
        {
            var segments = new List<string>();
            path = segments;
            var i = 0;
            while (i < text.Length)
            {
                if (text[i] == '[')
                {
                    // ["a.b"]: a key that itself contains dots.
                    var end = text.IndexOf("\"]", i + 2, StringComparison.Ordinal);
                    if (i + 1 >= text.Length || text[i + 1] != '"' || end < 0)
                    {
                        return false;
                    }

                    segments.Add(text[(i + 2)..end]);
                    i = end + 2;
                }
                else
                {
                    var end = text.IndexOfAny(['.', '['], i);
                    end = end < 0 ? text.Length : end;
                    if (end == i)
                    {
                        return false;
                    }

                    segments.Add(text[i..end]);
                    i = end;
                }

                if (i < text.Length)
                {
                    if (text[i] == '.')
                    {
                        i++;
                        if (i == text.Length)
                        {
                            return false; // trailing dot
                        }
                    }
                    else if (text[i] != '[')
                    {
                        return false;
                    }
                }
            }

            return segments.Count > 0 && segments.TrueForAll(s => s.Length > 0 && s.IndexOfAny(['{', '}', '|']) < 0);
        }

        private static string? Resolve(JsonElement root, IReadOnlyList<string> path)
        {
            var current = root;
            foreach (var segment in path)
            {
                if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
                {
                    current = child;
                }
                else if (current.ValueKind == JsonValueKind.Array
                    && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && index < current.GetArrayLength())
                {
                    current = current[index];
                }
                else
                {
                    return null;
                }
            }

            return current.ValueKind switch
            {
                JsonValueKind.String => current.GetString() is { } text && !string.IsNullOrWhiteSpace(text) ? text : null,
                JsonValueKind.Number => current.GetRawText(), // as sent: ids never pass through a number type
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
        }
    }
}
