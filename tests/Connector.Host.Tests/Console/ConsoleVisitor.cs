using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Console;

/// <summary>
/// An operator at the console, as a browser without script: signs in with a key, reads pages as DOM documents, and
/// sends forms the way the browser would — with the anti-forgery token of the page the form is on.
/// </summary>
public sealed class ConsoleVisitor(Browser browser)
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    private static readonly HtmlParser Parser = new();

    public Browser Browser { get; } = browser;

    /// <summary>A signed-in visitor of <paramref name="factory"/>'s host (the primary admin key unless told otherwise).</summary>
    public static async Task<ConsoleVisitor> SignedInAsync(HostFactory factory, string key = AdminKeys.Primary)
    {
        var visitor = new ConsoleVisitor(factory.NewBrowser());
        using var response = await visitor.SignInWithKeyAsync(key);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return visitor;
    }

    /// <summary>The key form of <c>/console/sign-in</c>, sent.</summary>
    public async Task<HttpResponseMessage> SignInWithKeyAsync(string key, string? returnTo = null)
    {
        var page = await GetAsync("/console/sign-in" + (returnTo is null ? "" : "?returnTo=" + Uri.EscapeDataString(returnTo)));
        return await SubmitAsync(page.Document, "/console/sign-in", new() { ["key"] = key });
    }

    /// <summary>A console page, followed through nothing: the answer as it came, with its DOM.</summary>
    public async Task<ConsolePage> GetAsync(string path)
    {
        using var response = await Browser.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new ConsolePage(response.StatusCode, response.Headers.Location, Parser.ParseDocument(html), response.Headers.CacheControl?.NoStore ?? false);
    }

    /// <summary>GET <paramref name="path"/>, then the form with <c>action</c> <paramref name="action"/> on it, sent with <paramref name="fields"/> (and its hidden inputs).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string action, Dictionary<string, string> fields)
    {
        var page = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await SubmitAsync(page.Document, action, fields);
    }

    /// <summary>The form of <paramref name="document"/> whose action is <paramref name="action"/>: its hidden inputs and <paramref name="fields"/>, as the browser posts them.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IDocument document, string action, Dictionary<string, string> fields)
    {
        var form = document.QuerySelectorAll("form").FirstOrDefault(candidate => candidate.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posts to {action} on this page.");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Select(input => KeyValuePair.Create(input.GetAttribute("name")!, input.GetAttribute("value") ?? ""))
            .Where(pair => !fields.ContainsKey(pair.Key))
            .Concat(fields)
            .ToList();
        using var content = new FormUrlEncodedContent(values);
        return await Browser.Client.PostAsync(new Uri(action, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    /// <summary>A form post without the page's token, as another site would send it.</summary>
    public async Task<HttpResponseMessage> PostForgedAsync(string action, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Browser.Client.PostAsync(new Uri(action, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }
}

/// <summary>A console answer: status, redirect target, the parsed page, and whether it may be cached.</summary>
public sealed record ConsolePage(HttpStatusCode Status, Uri? Location, IDocument Document, bool NoStore)
{
    /// <summary>The field's error texts, found through its input's <c>aria-describedby</c>, as a screen reader finds them.</summary>
    public IReadOnlyList<string> ErrorsOf(string path)
    {
        var input = Document.GetElementById("f-" + path.Replace('.', '-')) ?? throw new InvalidOperationException($"No field {path} on the page.");
        return [.. (input.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => Document.GetElementById(id)).OfType<IElement>()
            .Where(element => element.ClassList.Contains("field-error"))
            .Select(element => element.TextContent.Trim())];
    }

    public string Heading => Document.QuerySelector("h1")?.TextContent.Trim() ?? "";

    public string? Notice => Document.QuerySelector(".notice")?.TextContent.Trim();
}
