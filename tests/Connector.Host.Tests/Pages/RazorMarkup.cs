using System.Text;
using System.Text.RegularExpressions;

namespace Connector.Host.Tests.Pages;

/// <summary>A piece of a Razor file's markup that a visitor would read, at its line (1-based).</summary>
internal sealed record MarkupText(int Line, string Text);

/// <summary>
/// A small reader of Razor files, enough to find the text a page shows that comes from its markup rather than from
/// an <c>@…</c> expression: text between tags, and the values of attributes a visitor reads (<c>alt</c>,
/// <c>title</c>, <c>placeholder</c>, <c>aria-label</c>, …; a button's <c>value</c>). It follows Razor's rules where
/// they matter here: <c>@* … *@</c> comments, <c>@@</c>, explicit <c>@( … )</c> and implicit <c>@a.b(c)[d]</c>
/// expressions, <c>@{ … }</c> and <c>@if / else / @foreach / @switch / …</c> blocks with markup inside them,
/// <c>@:</c> lines, <c>&lt;text&gt;</c>, directives (<c>@using</c>, <c>@inject</c>, …) and <c>@code</c> / <c>@functions</c>
/// (C#, left out). HTML comments, <c>&lt;!DOCTYPE&gt;</c>, <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c> bodies and entities are left out too.
/// </summary>
internal sealed partial class RazorMarkup
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>Attributes whose value is shown or read out to the visitor (components' parameters of the same names too).</summary>
    private static readonly HashSet<string> HumanAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "alt", "title", "placeholder", "label", "aria-label", "aria-description", "aria-roledescription", "aria-valuetext",
        "aria-placeholder", "heading", "caption", "message", "text",
    };

    private static readonly HashSet<string> Directives = new(StringComparer.Ordinal)
    {
        "page", "layout", "inherits", "inject", "implements", "namespace", "attribute", "typeparam", "rendermode",
        "preservewhitespace", "model",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal) { "if", "foreach", "for", "while", "switch", "lock", "using", "do", "try" };

    private readonly string _s;
    private readonly List<(int Offset, string Text)> _found = [];
    private int _i;

    private RazorMarkup(string source) => _s = source;

    private enum Until
    {
        End,
        ElementClosed,
        LineEnd,
    }

    /// <summary>The pieces of <paramref name="razor"/>'s markup that contain a letter (entities removed).</summary>
    public static IReadOnlyList<MarkupText> HumanText(string razor)
    {
        var reader = new RazorMarkup(RazorComment().Replace(razor.ReplaceLineEndings("\n"), comment => Blank(comment.Value)));
        reader.Markup(Until.End);
        return [.. reader._found
            .Select(found => (Line: reader.LineOf(found.Offset + (found.Text.Length - found.Text.TrimStart().Length)), Text: Entity().Replace(found.Text, " ")))
            .Where(found => found.Text.Any(char.IsLetter))
            .Select(found => new MarkupText(found.Line, Collapse(found.Text)))];
    }

    private int LineOf(int offset) => 1 + _s.AsSpan(0, Math.Min(offset, _s.Length)).Count('\n');

    private char At(int offset) => _i + offset < _s.Length ? _s[_i + offset] : '\0';

    private bool Starts(string text) => string.CompareOrdinal(_s, _i, text, 0, text.Length) == 0;

    /// <summary>Markup from here: to the end, to the end of the element that starts here, or to the end of the line.</summary>
    private void Markup(Until until)
    {
        var text = new StringBuilder();
        var textStart = _i;
        var depth = 0;

        void Flush()
        {
            if (text.Length > 0)
            {
                _found.Add((textStart, text.ToString()));
                text.Clear();
            }

            textStart = _i;
        }

        while (_i < _s.Length)
        {
            var c = _s[_i];
            if (until == Until.LineEnd && c == '\n')
            {
                break;
            }

            if (c == '@' && At(1) == '@')
            {
                text.Append('@');
                _i += 2;
            }
            else if (c == '@' && _i > 0 && char.IsLetterOrDigit(_s[_i - 1]))
            {
                text.Append(c); // an email address: Razor stays in markup
                _i++;
            }
            else if (c == '@')
            {
                textStart = text.Length == 0 ? _i : textStart;
                Transition();
                text.Append(' '); // an expression: what it shows is not markup's
            }
            else if (c == '<' && Starts("<!--"))
            {
                Flush();
                SkipPast("-->");
                textStart = _i;
            }
            else if (c == '<' && At(1) == '!')
            {
                Flush();
                SkipPast(">");
                textStart = _i;
            }
            else if (c == '<' && At(1) == '/' && char.IsLetter(At(2)))
            {
                Flush();
                SkipPast(">");
                textStart = _i;
                depth--;
                if (until == Until.ElementClosed && depth <= 0)
                {
                    return;
                }
            }
            else if (c == '<' && char.IsLetter(At(1)))
            {
                Flush();
                var (name, selfClosing) = Tag();
                if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    var end = _s.IndexOf("</" + name, _i, StringComparison.OrdinalIgnoreCase);
                    _i = end < 0 ? _s.Length : end;
                }

                if (!selfClosing && !VoidElements.Contains(name))
                {
                    depth++;
                }

                textStart = _i;
                if (until == Until.ElementClosed && depth == 0)
                {
                    return;
                }
            }
            else
            {
                textStart = text.Length == 0 ? _i : textStart;
                text.Append(c);
                _i++;
            }
        }

        Flush();
    }

    /// <summary>A start tag from its <c>&lt;</c>: its name, and whether it closed itself; the values of human attributes are kept.</summary>
    private (string Name, bool SelfClosing) Tag()
    {
        _i++;
        var name = Name();
        string? type = null;
        (int Offset, string Text)? value = null;
        while (_i < _s.Length)
        {
            SkipWhitespace();
            if (Starts("/>"))
            {
                _i += 2;
                return (name, true);
            }

            if (At(0) == '>')
            {
                _i++;
                if (name.Equals("input", StringComparison.OrdinalIgnoreCase) && type is "submit" or "button" or "reset" && value is { } shown)
                {
                    _found.Add(shown);
                }

                return (name, false);
            }

            if (At(0) == '@' && At(1) is '(' or '{')
            {
                Transition();
                continue;
            }

            var attribute = Name();
            if (attribute.Length == 0)
            {
                _i++;
                continue;
            }

            SkipWhitespace();
            if (At(0) != '=')
            {
                continue;
            }

            _i++;
            SkipWhitespace();
            var (offset, literal) = AttributeValue();
            var bare = attribute.TrimStart('@');
            if (HumanAttributes.Contains(bare) && !attribute.StartsWith('@'))
            {
                _found.Add((offset, literal));
            }
            else if (bare.Equals("type", StringComparison.OrdinalIgnoreCase))
            {
                type = literal.Trim().ToLowerInvariant();
            }
            else if (bare.Equals("value", StringComparison.OrdinalIgnoreCase))
            {
                value = (offset, literal);
            }
        }

        return (name, false);
    }

    /// <summary>An attribute's value, quoted or not: its literal text, <c>@</c> expressions left out.</summary>
    private (int Offset, string Text) AttributeValue()
    {
        var quote = At(0) is '"' or '\'' ? _s[_i++] : '\0';
        var offset = _i;
        var literal = new StringBuilder();
        while (_i < _s.Length)
        {
            var c = _s[_i];
            if (quote != '\0' ? c == quote : char.IsWhiteSpace(c) || c == '>' || Starts("/>"))
            {
                break;
            }

            if (c == '@' && At(1) == '@')
            {
                literal.Append('@');
                _i += 2;
            }
            else if (c == '@' && !(_i > 0 && char.IsLetterOrDigit(_s[_i - 1])))
            {
                Transition();
            }
            else
            {
                literal.Append(c);
                _i++;
            }
        }

        if (quote != '\0' && _i < _s.Length)
        {
            _i++;
        }

        return (offset, literal.ToString());
    }

    /// <summary>What follows an <c>@</c> (at <c>_i</c>): an expression, a block, a directive or <c>@code</c>.</summary>
    private void Transition()
    {
        _i++;
        var c = At(0);
        if (c == '(')
        {
            SkipBalanced();
            return;
        }

        if (c == '{')
        {
            CodeBlock();
            return;
        }

        if (c == ':')
        {
            _i++;
            Markup(Until.LineEnd);
            return;
        }

        if (c == '<')
        {
            Markup(Until.ElementClosed); // a template, @<p>…</p>
            return;
        }

        if (!char.IsLetter(c) && c != '_')
        {
            return; // a lone @, as text
        }

        var start = _i;
        var word = Identifier();
        SkipWhitespace();
        if (word is "code" or "functions" && At(0) == '{')
        {
            SkipBalanced();
        }
        else if ((word == "using" && At(0) != '(') || Directives.Contains(word))
        {
            SkipLine();
        }
        else if (Blocks.Contains(word))
        {
            ControlBlock(word);
        }
        else if (word == "await")
        {
            ImplicitExpression();
        }
        else
        {
            _i = start;
            ImplicitExpression();
        }
    }

    /// <summary><c>@if (…) { … } else if (…) { … } else { … }</c> and the other statements Razor reads as blocks.</summary>
    private void ControlBlock(string keyword)
    {
        while (true)
        {
            SkipWhitespace();
            if (At(0) == '(')
            {
                SkipBalanced();
                SkipWhitespace();
            }

            if (At(0) != '{')
            {
                return;
            }

            CodeBlock();
            var back = _i;
            SkipWhitespace();
            var next = Identifier();
            if (keyword == "if" && next == "else")
            {
                SkipWhitespace();
                var afterElse = _i;
                if (Identifier() != "if")
                {
                    _i = afterElse;
                }
            }
            else if (keyword == "try" && next is "catch" or "finally")
            {
                // its block follows
            }
            else if (keyword == "do" && next == "while")
            {
                SkipWhitespace();
                SkipBalanced();
                SkipWhitespace();
                if (At(0) == ';')
                {
                    _i++;
                }

                return;
            }
            else
            {
                _i = back;
                return;
            }
        }
    }

    /// <summary>A C# block from its <c>{</c> to its <c>}</c>; an element that starts a statement is markup, as <c>@:</c> lines are.</summary>
    private void CodeBlock()
    {
        _i++;
        var depth = 1;
        var statementStart = true;
        while (_i < _s.Length)
        {
            var c = _s[_i];
            if (SkipCSharpLiteralOrComment())
            {
                statementStart = false;
            }
            else if (c == '{')
            {
                depth++;
                statementStart = true;
                _i++;
            }
            else if (c == '}')
            {
                _i++;
                if (--depth == 0)
                {
                    return;
                }

                statementStart = true;
            }
            else if (c is ';' or ':')
            {
                statementStart = true;
                _i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                _i++;
            }
            else if (c == '<' && statementStart && (char.IsLetter(At(1)) || At(1) == '!'))
            {
                Markup(Until.ElementClosed);
                statementStart = true;
            }
            else if (c == '@' && At(1) is ':' or '<')
            {
                Transition();
                statementStart = true;
            }
            else
            {
                statementStart = false;
                _i++;
            }
        }
    }

    /// <summary>Balanced <c>( … )</c>, <c>[ … ]</c> or <c>{ … }</c> of C# from here, strings and comments included.</summary>
    private void SkipBalanced()
    {
        var depth = 0;
        while (_i < _s.Length)
        {
            if (SkipCSharpLiteralOrComment())
            {
                continue;
            }

            var c = _s[_i++];
            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' && --depth <= 0)
            {
                return;
            }
        }
    }

    /// <summary>A C# string, character literal or comment at <c>_i</c>, skipped; false when none starts here.</summary>
    private bool SkipCSharpLiteralOrComment()
    {
        if (Starts("//"))
        {
            SkipLine();
        }
        else if (Starts("/*"))
        {
            SkipPast("*/");
        }
        else if (Starts("\"\"\"") || Starts("$\"\"\""))
        {
            _i = _s.IndexOf("\"\"\"", _i, StringComparison.Ordinal) + 3;
            SkipPast("\"\"\"");
        }
        else if (Starts("@\"") || Starts("$@\"") || Starts("@$\""))
        {
            _i = _s.IndexOf('"', _i) + 1;
            while (_i < _s.Length && !(_s[_i] == '"' && At(1) != '"'))
            {
                _i += _s[_i] == '"' ? 2 : 1;
            }

            _i++;
        }
        else if (Starts("$\""))
        {
            _i += 2;
            while (_i < _s.Length && _s[_i] is not '"' and not '\n')
            {
                if (Starts("{{"))
                {
                    _i += 2;
                }
                else if (_s[_i] == '{')
                {
                    SkipBalanced(); // a hole, strings and all
                }
                else
                {
                    _i += _s[_i] == '\\' ? 2 : 1;
                }
            }

            _i++;
        }
        else if (At(0) == '"')
        {
            _i++;
            while (_i < _s.Length && _s[_i] is not '"' and not '\n')
            {
                _i += _s[_i] == '\\' ? 2 : 1;
            }

            _i++;
        }
        else if (At(0) == '\'' && (At(2) == '\'' || At(1) == '\\'))
        {
            _i++;
            while (_i < _s.Length && _s[_i] != '\'')
            {
                _i += _s[_i] == '\\' ? 2 : 1;
            }

            _i++;
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary><c>a.b?.c(…)[…]!.d</c>, as far as Razor reads an implicit expression.</summary>
    private void ImplicitExpression()
    {
        SkipWhitespace();
        Identifier();
        while (_i < _s.Length)
        {
            if (At(0) is '(' or '[')
            {
                SkipBalanced();
            }
            else if (At(0) == '.' && IsIdentifierStart(At(1)))
            {
                _i++;
                Identifier();
            }
            else if (At(0) == '?' && At(1) == '.' && IsIdentifierStart(At(2)))
            {
                _i += 2;
                Identifier();
            }
            else if (At(0) == '?' && At(1) == '[')
            {
                _i++;
            }
            else if (At(0) == '!' && At(1) is '.' or '[')
            {
                _i++;
            }
            else
            {
                return;
            }
        }
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private string Identifier()
    {
        var start = _i;
        while (_i < _s.Length && (char.IsLetterOrDigit(_s[_i]) || _s[_i] == '_'))
        {
            _i++;
        }

        return _s[start.._i];
    }

    /// <summary>A tag or attribute name (<c>aria-label</c>, <c>@bind-Value</c>, <c>xlink:href</c>).</summary>
    private string Name()
    {
        var start = _i;
        while (_i < _s.Length && (char.IsLetterOrDigit(_s[_i]) || _s[_i] is '-' or '_' or ':' or '.' || (_s[_i] == '@' && _i == start)))
        {
            _i++;
        }

        return _s[start.._i];
    }

    private void SkipWhitespace()
    {
        while (_i < _s.Length && char.IsWhiteSpace(_s[_i]))
        {
            _i++;
        }
    }

    private void SkipLine()
    {
        var end = _s.IndexOf('\n', _i);
        _i = end < 0 ? _s.Length : end;
    }

    private void SkipPast(string marker)
    {
        var end = _s.IndexOf(marker, _i, StringComparison.Ordinal);
        _i = end < 0 ? _s.Length : end + marker.Length;
    }

    /// <summary>A comment's text as spaces, its line breaks kept, so that lines still count.</summary>
    private static string Blank(string comment) => new([.. comment.Select(c => c == '\n' ? '\n' : ' ')]);

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")]
    private static partial Regex Entity();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
