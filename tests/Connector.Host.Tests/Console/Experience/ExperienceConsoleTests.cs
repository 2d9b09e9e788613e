using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.Oidc;
using Connector.Host.Tests.SignIn;

namespace Connector.Host.Tests.Console.Experience;

/// <summary>
/// <c>/console/sign-in-experience</c>: the connectors' order changed by buttons and saved at once, the branding and
/// languages saved through the same service as <c>PUT /api/sign-in-experience</c> (all errors beside their fields,
/// nothing saved), and the real sign-in page previewed with values not saved yet.
/// </summary>
public sealed class ExperienceConsoleTests : IAsyncLifetime
{
    private const string Page = "/console/sign-in-experience";
    private const string Connectors = Page + "/connectors";
    private const string Preview = Page + "/preview";

    private static readonly HtmlParser Parser = new();

    private OidcWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Operator => AdminKeys.PrimaryActor;

    private SignInHost Host => _world.Host;

    public async ValueTask InitializeAsync()
    {
        _world = await OidcWorld.StartAsync(); // the connector "acme"
        await Host.CreateConnectorAsync("beta", "Beta");
        await Host.CreateConnectorAsync("gamma", "Gamma");
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task MovingAndRemovingConnectors_IsSavedAtOnce_AsTheAdminApiReadsIt_AuditedWithTheOperator()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);

        var page = await visitor.GetAsync(Page);
        Assert.Equal(["Acme", "Beta", "Gamma"], ShownNames(page));
        Assert.True(UpButton(page, "acme")!.HasAttribute("disabled"));

        using var up = await visitor.SubmitAsync(page.Document, Connectors, new() { ["up"] = "gamma" });
        Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);
        Assert.Equal(["acme", "gamma", "beta"], await SavedConnectorsAsync());
        Assert.EndsWith("#connector-row-gamma", up.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var moved = await visitor.GetAsync(up.Headers.Location.OriginalString.Split('#')[0]);
        Assert.True(moved.Document.GetElementById("connector-row-gamma")!.HasAttribute("data-focus-on-arrival"));

        using var down = await visitor.PostFormAsync(Page, Connectors, new() { ["down"] = "acme" });
        Assert.Equal(["gamma", "acme", "beta"], await SavedConnectorsAsync());

        using var removed = await visitor.PostFormAsync(Page, Connectors, new() { ["remove"] = "beta" });
        Assert.Equal(["gamma", "acme"], await SavedConnectorsAsync());
        Assert.EndsWith("#connector-row-beta", removed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var after = await visitor.GetAsync(removed.Headers.Location.OriginalString.Split('#')[0]);
        Assert.NotNull(after.Document.QuerySelector("#connector-row-beta button[name=add][value=beta]"));
        Assert.Equal("The connectors on the sign-in page were saved.", after.Notice);
        Assert.Equal(["Gamma", "Acme"], ShownNames(after));
        Assert.NotNull(after.Document.QuerySelector("button[name=add][value=beta]"));

        using var added = await visitor.SubmitAsync(after.Document, Connectors, new() { ["add"] = "beta" });
        Assert.Equal(["gamma", "acme", "beta"], await SavedConnectorsAsync());
        Assert.Equal(4, (await ActorsAsync()).Count);
        Assert.All(await ActorsAsync(), actor => Assert.Equal(Operator, actor));
    }

    [Fact]
    public async Task AMovePastTheEnd_ChangesNothing_AndWritesNoAuditEvent()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);

        using var response = await visitor.PostFormAsync(Page, Connectors, new() { ["down"] = "gamma" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["acme", "beta", "gamma"], await SavedConnectorsAsync());
        Assert.Empty(await ActorsAsync());
    }

    [Fact]
    public async Task Branding_LinksAndLanguages_AreSavedThroughTheService_AndShownAgain()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        var page = await visitor.GetAsync(Page);

        using var saved = await ConsoleForm.Of(page.Document, Page)
            .With("branding.displayName", "Bookstore")
            .With("branding.primaryColor", "#ffd400")
            .With("branding.colorScheme", "dark")
            .With("branding.logoUrl", "https://cdn.example/logo.svg")
            .With("termsUrl", "https://example.com/terms")
            .With("languages.enabled", "en", "de")
            .With("languages.default", "de")
            .SendAsync(visitor);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var experience = await ExperienceAsync();
        Assert.Equal("Bookstore", experience["branding"]!["displayName"]!.GetValue<string>());
        Assert.Equal("#ffd400", experience["branding"]!["primaryColor"]!.GetValue<string>());
        Assert.Equal("dark", experience["branding"]!["colorScheme"]!.GetValue<string>());
        Assert.Equal("https://cdn.example/logo.svg", experience["branding"]!["logoUrl"]!.GetValue<string>());
        Assert.Null(experience["branding"]!["logoDarkUrl"]);
        Assert.Equal("https://example.com/terms", experience["termsUrl"]!.GetValue<string>());
        Assert.Equal(["en", "de"], Strings(experience["languages"]!["enabled"]));
        Assert.Equal("de", experience["languages"]!["default"]!.GetValue<string>());
        Assert.Equal(["acme", "beta", "gamma"], Strings(experience["connectors"])); // the buttons' business, kept
        Assert.Equal([Operator], await ActorsAsync());

        var shown = await visitor.GetAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("The sign-in experience was saved.", shown.Notice);
        var form = ConsoleForm.Of(shown.Document, Page);
        Assert.Equal(["Bookstore"], form.ValuesOf("branding.displayName"));
        Assert.Equal(["en", "de"], form.ValuesOf("languages.enabled"));
        Assert.Equal(["dark"], form.ValuesOf("branding.colorScheme"));
    }

    [Fact]
    public async Task InvalidBranding_ShowsEveryErrorBesideItsField_KeepsWhatWasTyped_AndSavesNothing()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        var before = (await ExperienceAsync()).ToJsonString();
        var page = await visitor.GetAsync(Page);

        using var response = await ConsoleForm.Of(page.Document, Page)
            .With("branding.displayName", "Bookstore")
            .With("branding.primaryColor", "yellow")
            .With("branding.logoUrl", "not a url")
            .With("languages.enabled")
            .With("languages.default", "fr")
            .SendAsync(visitor);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refused = new ConsolePage(response.StatusCode, null, Parser.ParseDocument(await response.Content.ReadAsStringAsync(Ct)), true);
        Assert.Equal(["A colour as #rrggbb."], refused.ErrorsOf("branding.primaryColor"));
        Assert.Equal(["Must be an absolute https URL."], refused.ErrorsOf("branding.logoUrl"));
        Assert.Equal(["At least one language."], refused.ErrorsOf("languages.enabled"));
        Assert.Equal(["Must be one of the enabled languages."], refused.ErrorsOf("languages.default"));
        Assert.Empty(refused.ErrorsOf("branding.displayName"));
        Assert.Equal(4, refused.Document.QuerySelectorAll(".error-summary li").Length);
        var typed = ConsoleForm.Of(refused.Document, Page);
        Assert.Equal(["yellow"], typed.ValuesOf("branding.primaryColor"));
        Assert.Equal(["Bookstore"], typed.ValuesOf("branding.displayName"));
        // The frame shows what was sent (its valid part), not what is saved.
        Assert.Contains("branding.displayName=Bookstore", refused.Document.QuerySelector("iframe")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(before, (await ExperienceAsync()).ToJsonString());
        Assert.Empty(await ActorsAsync());
    }

    [Fact]
    public async Task ThePreview_IsTheRealSignInPage_WithTheUnsavedValues_InertButtons_FramedByTheConsoleOnly()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        var before = (await ExperienceAsync()).ToJsonString();
        var page = await visitor.GetAsync(Page);
        Assert.Equal(Preview, page.Document.QuerySelector("iframe[name=sign-in-preview]")!.GetAttribute("src"));

        // Without script: the form's Preview button posts the form (its token too) into the frame.
        using var posted = await ConsoleForm.Of(page.Document, Page)
            .With("branding.displayName", "Unsaved Books")
            .With("branding.primaryColor", "#1a237e")
            .With("branding.colorScheme", "dark")
            .With("connectors", "gamma", "acme")
            .SendAsync(visitor, Preview);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var preview = Parser.ParseDocument(await posted.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Sign in to Unsaved Books", preview.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("dark", preview.DocumentElement.GetAttribute("data-scheme"));
        Assert.NotNull(preview.QuerySelector("link[rel=stylesheet][href$='c=1a237e']")); // the brand colour's stylesheet
        var buttons = preview.QuerySelectorAll(".connectors a.button");
        Assert.Equal(["Continue with Gamma", "Continue with Acme"], buttons.Select(button => button.TextContent.Trim()));
        Assert.All(buttons, button => Assert.False(button.HasAttribute("href")));
        Assert.Equal("SAMEORIGIN", string.Join(",", posted.Headers.GetValues("X-Frame-Options")));
        var policy = string.Join(",", posted.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'none'", policy, StringComparison.Ordinal);
        Assert.True(posted.Headers.CacheControl!.NoStore);
        Assert.Equal(before, (await ExperienceAsync()).ToJsonString());
        Assert.Empty(await ActorsAsync());
    }

    [Fact]
    public async Task ThePreviewByQuery_AsTheScriptAsksForIt_LeavesAnInvalidValueAtItsDefault()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);

        var preview = await visitor.GetAsync(Preview + "?branding.displayName=Typed+Books&branding.primaryColor=yell&branding.colorScheme=light&languages.enabled=en&languages.default=en");

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal("Sign in to Typed Books", preview.Heading);
        Assert.DoesNotContain("yell", preview.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(["Continue with Acme", "Continue with Beta", "Continue with Gamma"], preview.Document.QuerySelectorAll(".connectors a.button").Select(button => button.TextContent.Trim()));
    }

    [Fact]
    public async Task ThePreview_IsTheConsoles_AndForgedFormsChangeNothing()
    {
        var stranger = new ConsoleVisitor(Host.Factory.NewBrowser());
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync(Preview)).Status);

        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        var before = (await ExperienceAsync()).ToJsonString();
        using var order = await visitor.PostForgedAsync(Connectors, new() { ["up"] = "gamma" });
        using var branding = await visitor.PostForgedAsync(Page, new() { ["branding.displayName"] = "Forged", ["languages.enabled"] = "en", ["languages.default"] = "en" });
        using var preview = await visitor.PostForgedAsync(Preview, new() { ["branding.displayName"] = "Forged" });

        Assert.Equal(HttpStatusCode.BadRequest, order.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, branding.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
        Assert.Equal(before, (await ExperienceAsync()).ToJsonString());
        Assert.Empty(await ActorsAsync());
    }

    private static List<string> ShownNames(ConsolePage page) =>
        [.. page.Document.QuerySelectorAll("ol.connector-order .shown-name > span:first-child").Select(name => name.TextContent.Trim())];

    private static AngleSharp.Dom.IElement? UpButton(ConsolePage page, string id) => page.Document.QuerySelector($"button[name=up][value={id}]");

    private async Task<JsonNode> ExperienceAsync() => await (await Host.Admin.GetAsync("/api/sign-in-experience", Ct)).ReadJsonAsync();

    private async Task<string[]> SavedConnectorsAsync() => Strings((await ExperienceAsync())["connectors"]);

    private Task<IReadOnlyList<string>> ActorsAsync() =>
        Host.Database.QueryAsync<string>("SELECT actor FROM audit_events WHERE action = 'sign_in_experience.updated' ORDER BY id");

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(item => item!.GetValue<string>())];
}
