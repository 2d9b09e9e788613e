using System.Text.RegularExpressions;
using Connector.Host.Tests.Architecture;

namespace Connector.Host.Tests.Pages;

/// <summary>
/// No page says anything in its markup: every word a visitor reads comes from the page texts (<c>@Page.Text[…]</c>)
/// or from data. Every <c>.razor</c> file under <c>src/Connector.Host</c> is read (pages, sign-in pages, and whatever
/// comes later, the console's included), its C# blocks, comments and <c>@</c> expressions left out; what remains
/// between tags and in the attributes a visitor reads must hold no letter. No exceptions are listed.
/// </summary>
public sealed partial class NoHardCodedStringsTests
{
    public static TheoryData<string> RazorFiles => [.. Razor()];

    [Fact]
    public void TheScan_FindsThePagesOfEveryFolder()
    {
        var files = Razor();

        Assert.True(files.Count >= 8, $"the scan found the Razor files ({files.Count})");
        Assert.Contains("Pages/PageLayout.razor", files);
        Assert.Contains("Pages/ErrorPage.razor", files);
        Assert.Contains("SignIn/Pages/SignInPage.razor", files);
        Assert.Contains("SignIn/Pages/AccountPage.razor", files);
    }

    [Theory]
    [MemberData(nameof(RazorFiles))]
    public void NoRazorFile_HasTextInItsMarkup(string file)
    {
        var found = RazorMarkup.HumanText(File.ReadAllText(Path.Combine(SourceTree.HostFolder, file)));

        Assert.True(found.Count == 0, $"{file} has text that is not from the page texts:\n"
            + string.Join("\n", found.Select(text => $"  line {text.Line}: \"{text.Text}\"")));
    }

    /// <summary>
    /// The scan reaches every place a page shows a text: each <c>@Page.Text["…"]</c> of a file, replaced with a word,
    /// is found at its line (inside <c>@if</c>, <c>else</c> and <c>@foreach</c> blocks and attributes alike).
    /// </summary>
    [Theory]
    [MemberData(nameof(RazorFiles))]
    public void EveryPageTextOfAFile_ReplacedWithAWord_IsFound(string file)
    {
        var source = File.ReadAllText(Path.Combine(SourceTree.HostFolder, file)).ReplaceLineEndings("\n");
        var lines = PageTextExpression().Matches(source).Select(match => 1 + source.AsSpan(0, match.Index).Count('\n')).ToList();

        var found = RazorMarkup.HumanText(PageTextExpression().Replace(source, "Hello")).Select(text => text.Line).ToHashSet();

        Assert.All(lines, line => Assert.Contains(line, found));
    }

    [Fact]
    public void TheReplacementCheck_CoversTheSignInPage_InsideItsBlocks()
    {
        var source = File.ReadAllText(Path.Combine(SourceTree.HostFolder, "SignIn", "Pages", "SignInPage.razor"));

        Assert.True(PageTextExpression().Count(source) >= 3, "the sign-in page names its texts as @Page.Text[\"…\"]");
    }

    [Theory]
    [InlineData("<p>Hello</p>", "Hello")]
    [InlineData("<p>@Page.Text[\"a\"] now</p>", "now")]
    [InlineData("<PageLayout Page=\"Page\" Title=\"Your account\"></PageLayout>", "Your account")]
    [InlineData("<img src=\"@logo\" alt=\"Company logo\">", "Company logo")]
    [InlineData("<button aria-label=\"Close\">×</button>", "Close")]
    [InlineData("<input type=\"submit\" value=\"Send\">", "Send")]
    [InlineData("@if (ok)\n{\n    <p>Welcome</p>\n}", "Welcome")]
    [InlineData("@if (ok)\n{\n    <p>@A</p>\n}\nelse if (b)\n{\n    <p>@B</p>\n}\nelse\n{\n    <p>Sorry</p>\n}", "Sorry")]
    [InlineData("<ul>\n@foreach (var x in Xs)\n{\n    <li>@x <em>item</em></li>\n}\n</ul>", "item")]
    [InlineData("@{\n    var n = \"x\";\n    <span>Total</span>\n}", "Total")]
    [InlineData("@switch (n)\n{\n    case 1:\n        <p>One</p>\n        break;\n}", "One")]
    [InlineData("@if (ok)\n{\n    @:Plain text line\n}", "Plain text line")]
    [InlineData("@if (ok)\n{\n    <text>Bare</text>\n}", "Bare")]
    [InlineData("<p>@(a ?? \"x\") and @b.c(\"d\")[0]!.E more</p>", "and more")]
    [InlineData("<p>&nbsp;Caf&eacute;</p>", "Caf")]
    [InlineData("<p>write to me@example.com</p>", "write to me@example.com")]
    [InlineData("<h1>@Title</h1>\n@code {\n    string X => \"}\";\n}\n<p>After the code</p>", "After the code")]
    public void TheScan_FindsTextWrittenIntoMarkup(string razor, string expected)
    {
        var found = RazorMarkup.HumanText(razor);

        Assert.Equal(expected, Assert.Single(found).Text);
    }

    [Theory]
    [InlineData("<p>@Page.Text[\"signIn.none\"]</p>")]
    [InlineData("<title>@Title · @BrandName</title>")]
    [InlineData("<a class=\"button\" href=\"@SignInPaths.StartOf(connector.Id, ReturnTo)\">@Page.Text.Format(\"signIn.continueWith\", connector.Name)</a>")]
    [InlineData("<meta name=\"color-scheme\" content=\"@(Look == \"auto\" ? \"light dark\" : Look)\">")]
    [InlineData("@* A comment with words, <p>and tags</p>. *@\n<p>@Text[\"a\"]</p>")]
    [InlineData("<!-- an HTML comment --><!DOCTYPE html><p>@x</p>")]
    [InlineData("@using Microsoft.AspNetCore.Components\n@inject Foo Bar\n<p>@Bar.Name</p>")]
    [InlineData("@code {\n    private string S => \"<p>Hello</p>\";\n    private RenderFragment F => @<p>@S</p>;\n}")]
    [InlineData("<p>@(EmailLookup.Email ?? Page.Text[\"test.noVerifiedAddress\"] + (EmailLookup.Error is { } failed ? $\" ({failed.Code})\" : \"\"))</p>")]
    [InlineData("<dd>@(value ?? \"—\")</dd><p>404 · 1/2 — &copy; &#169;</p>")]
    [InlineData("@if (x is { Length: > 0 } y && Scheme == \"auto\")\n{\n    <picture><source media=\"(prefers-color-scheme: dark)\" srcset=\"@y\"><img class=\"@Class\" alt=\"@Alt\"></picture>\n}\nelse\n{\n    <img src=\"@(Scheme == \"dark\" ? Dark : Light)\" alt=\"\">\n}")]
    [InlineData("<input type=\"hidden\" name=\"@Field\" value=\"@Token\"><button type=\"submit\">@T[\"go\"]</button>")]
    [InlineData("<p>@@ @Email</p><style>body { color: red; }</style>")]
    public void TheScan_LeavesOutExpressionsCodeAndComments(string razor)
    {
        Assert.Empty(RazorMarkup.HumanText(razor));
    }

    /// <summary>The host's Razor files, relative to the host folder, build output left out.</summary>
    private static List<string> Razor() =>
        [.. SourceTree.HostSources().Select(source => source.Path).Where(path => path.EndsWith(".razor", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary><c>@Page.Text["…"]</c> in markup.</summary>
    [GeneratedRegex("""@Page\.Text\["[^"]+"\]""")]
    private static partial Regex PageTextExpression();
}
