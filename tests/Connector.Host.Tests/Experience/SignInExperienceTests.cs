using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Web;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.Oidc;
using Connector.Host.Tests.SignIn;

namespace Connector.Host.Tests.Experience;

/// <summary>
/// The sign-in experience decides which buttons the page shows and in what order; an app's own list narrows and orders
/// them for that app; <c>direct_sign_in</c> and <c>kc_idp_hint</c> skip the page (<c>docs/sign-in-flow.md</c>).
/// </summary>
public sealed partial class SignInExperienceTests : IAsyncLifetime
{
    private OidcWorld _world = null!;

    private static CancellationToken Ct => OidcWorld.Ct;

    private SignInHost Host => _world.Host;

    public async ValueTask InitializeAsync()
    {
        _world = await OidcWorld.StartAsync(); // creates the connector "acme"
        await Host.CreateConnectorAsync("beta", "Beta");
        await Host.CreateConnectorAsync("gamma", "Gamma");
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task NewConnectors_AreAppendedToTheExperience_InTheOrderTheyWereCreated()
    {
        var experience = await GetExperienceAsync();

        Assert.Equal(["acme", "beta", "gamma"], Strings(experience["connectors"]));
        Assert.Equal(["acme", "beta", "gamma"], await ButtonsAsync("/sign-in"));
    }

    [Fact]
    public async Task TheExperiencesOrder_IsTheButtonsOrder_AndAConnectorLeftOut_IsNotShown()
    {
        await PutExperienceAsync("""{ "connectors": ["gamma", "acme"] }""");

        Assert.Equal(["gamma", "acme"], await ButtonsAsync("/sign-in"));
    }

    [Fact]
    public async Task AConnectorLeftOut_StillSignsIn_ThroughItsOwnStart()
    {
        await PutExperienceAsync("""{ "connectors": ["gamma"] }""");
        using var browser = Host.NewBrowser();

        using var callback = await browser.SignInAsync("beta");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.True(browser.HasCookie("connectors.session"));
    }

    [Fact]
    public async Task ADisabledConnector_IsNotShown_EvenWhenListed()
    {
        using var patched = await Host.Admin.PatchAsync("/api/connectors/beta", HttpJson.Body("""{ "enabled": false }"""), Ct);

        Assert.Equal(["acme", "gamma"], await ButtonsAsync("/sign-in"));
    }

    [Fact]
    public async Task ADeletedConnector_LeavesTheExperience()
    {
        using var deleted = await Host.Admin.DeleteAsync("/api/connectors/beta", Ct);

        Assert.Equal(["acme", "gamma"], Strings((await GetExperienceAsync())["connectors"]));
    }

    [Fact]
    public async Task Put_LeavesOutMembers_WhichTakeTheirDefaults()
    {
        await PutExperienceAsync("""{ "connectors": ["acme"], "branding": { "displayName": "Bookstore", "colorScheme": "dark" }, "termsUrl": "https://shop.example/terms" }""");
        await PutExperienceAsync("""{ "connectors": ["acme"] }""");

        var experience = await GetExperienceAsync();

        Assert.Null(experience["branding"]!["displayName"]);
        Assert.Equal("auto", experience["branding"]!["colorScheme"]!.GetValue<string>());
        Assert.Null(experience["termsUrl"]);
        Assert.Equal("en", experience["languages"]!["default"]!.GetValue<string>());
        Assert.Equal(6, experience["languages"]!["enabled"]!.AsArray().Count);
    }

    [Fact]
    public async Task Put_WithBadMembers_ReportsEveryProblem_AndChangesNothing()
    {
        using var response = await Host.Admin.PutAsync("/api/sign-in-experience", HttpJson.Body("""
            { "connectors": ["acme", "nope", "acme"], "branding": { "primaryColor": "blue", "colorScheme": "sepia", "logoUrl": "http://cdn.example/l.svg" },
              "languages": { "default": "it", "enabled": ["en", "xx"] }, "termsUrl": "ftp://x", "surprise": 1 }
            """), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["unknown_connector"], problem.CodesFor("connectors.1"));
        Assert.Equal(["duplicate"], problem.CodesFor("connectors.2"));
        Assert.Equal(["invalid_parameter"], problem.CodesFor("branding.primaryColor"));
        Assert.Equal(["one_of"], problem.CodesFor("branding.colorScheme"));
        Assert.Equal(["insecure_url"], problem.CodesFor("branding.logoUrl"));
        Assert.Equal(["one_of"], problem.CodesFor("languages.default"));
        Assert.Equal(["one_of"], problem.CodesFor("languages.enabled.1"));
        Assert.Equal(["invalid_url"], problem.CodesFor("termsUrl"));
        Assert.Equal(["unknown_field"], problem.CodesFor("surprise"));
        Assert.Equal(["acme", "beta", "gamma"], Strings((await GetExperienceAsync())["connectors"]));
    }

    [Fact]
    public async Task LogtosPatch_SetsTheConnectorsShown_AndLeavesTheRest()
    {
        await PutExperienceAsync("""{ "connectors": ["acme"], "branding": { "displayName": "Bookstore" } }""");

        using var response = await Host.Admin.PatchAsync("/api/sign-in-exp", HttpJson.Body("""{ "socialSignInConnectorTargets": ["gamma", "beta"] }"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var experience = await GetExperienceAsync();
        Assert.Equal(["gamma", "beta"], Strings(experience["connectors"]));
        Assert.Equal("Bookstore", experience["branding"]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAppsConnectors_NarrowAndOrderTheChoice_AndThePageNamesTheApp()
    {
        var app = await _world.CreateAppAsync("\"connectors\": [\"gamma\", \"acme\"]");
        using var browser = Host.NewBrowser();

        using var authorize = await browser.GetAsync(OidcWorld.AuthorizePath(app, Pkce.Create()));
        var signIn = authorize.Headers.Location!.OriginalString;
        using var page = await browser.GetAsync(signIn);
        var html = await page.Content.ReadAsStringAsync(Ct);

        Assert.Equal(["gamma", "acme"], Buttons(html));
        Assert.Contains("Sign in to Next app", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAppWithoutConnectors_OffersTheExperiencesButtons()
    {
        var app = await _world.CreateAppAsync();
        await PutExperienceAsync("""{ "connectors": ["beta", "acme"] }""");
        using var browser = Host.NewBrowser();

        using var authorize = await browser.GetAsync(OidcWorld.AuthorizePath(app, Pkce.Create()));

        Assert.Equal(["beta", "acme"], await ButtonsAsync(authorize.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task AnAppNamingAConnectorThatDoesNotExist_IsRefused()
    {
        using var response = await Host.Admin.PostAsync("/api/apps", HttpJson.Body(
            """{ "name": "x", "redirectUris": ["https://app.example/cb"], "connectors": ["acme", "nope"] }"""), Ct);

        Assert.Equal(["unknown_connector"], (await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).CodesFor("connectors.1"));
    }

    [Theory]
    [InlineData("&direct_sign_in=social:beta")]
    [InlineData("&kc_idp_hint=beta")]
    public async Task DirectSignIn_WithAConnectorTheAppAllows_GoesStraightToTheProvider(string hint)
    {
        var app = await _world.CreateAppAsync("\"connectors\": [\"acme\", \"beta\"]");
        using var browser = Host.NewBrowser();
        var path = OidcWorld.AuthorizePath(app, Pkce.Create()) + hint;

        using var authorize = await browser.GetAsync(path);
        var start = authorize.Headers.Location!.OriginalString;
        using var provider = await browser.GetAsync(start);

        Assert.StartsWith("/sign-in/beta?returnTo=", start, StringComparison.Ordinal);
        Assert.Equal(path, HttpUtility.ParseQueryString(start.Split('?', 2)[1])["returnTo"]);
        Assert.StartsWith(Host.Upstream.Url + "/authorize?", provider.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&direct_sign_in=social:gamma")] // exists, but not one the app offers
    [InlineData("&direct_sign_in=social:nope")] // does not exist
    [InlineData("&kc_idp_hint=nope")]
    [InlineData("&direct_sign_in=beta")] // not Logto's form (social:{id})
    public async Task DirectSignIn_WithAConnectorTheAppDoesNotAllow_ShowsTheChooser(string hint)
    {
        var app = await _world.CreateAppAsync("\"connectors\": [\"acme\", \"beta\"]");
        using var browser = Host.NewBrowser();

        using var authorize = await browser.GetAsync(OidcWorld.AuthorizePath(app, Pkce.Create()) + hint);

        Assert.StartsWith("/sign-in?returnTo=", authorize.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectSignIn_ToADisabledConnector_ShowsTheChooser()
    {
        var app = await _world.CreateAppAsync();
        using var patched = await Host.Admin.PatchAsync("/api/connectors/beta", HttpJson.Body("""{ "enabled": false }"""), Ct);
        using var browser = Host.NewBrowser();

        using var authorize = await browser.GetAsync(OidcWorld.AuthorizePath(app, Pkce.Create()) + "&kc_idp_hint=beta");

        Assert.StartsWith("/sign-in?returnTo=", authorize.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBrandColour_IsAStylesheetOfItsOwn_WithATextColourThatContrasts()
    {
        await PutExperienceAsync("""{ "connectors": ["acme"], "branding": { "primaryColor": "#FFD400" } }""");
        using var client = _world.Client();

        var html = await (await client.GetAsync("/sign-in", Ct)).Content.ReadAsStringAsync(Ct);
        var light = await (await client.GetAsync("/assets/brand.css?c=ffd400", Ct)).Content.ReadAsStringAsync(Ct);
        var dark = await (await client.GetAsync("/assets/brand.css?c=1a237e", Ct)).Content.ReadAsStringAsync(Ct);
        using var bad = await client.GetAsync("/assets/brand.css?c=red;}", Ct);

        Assert.Contains("href=\"/assets/brand.css?c=ffd400\"", html, StringComparison.Ordinal);
        Assert.Contains("--accent: #ffd400; --on-accent: #000000;", light, StringComparison.Ordinal);
        Assert.Contains("--on-accent: #ffffff;", dark, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
    }

    [Fact]
    public async Task TheBrandingsNameAndScheme_ReachThePage()
    {
        await PutExperienceAsync("""{ "connectors": ["acme"], "branding": { "displayName": "Bookstore", "colorScheme": "dark" } }""");
        using var client = _world.Client();

        var html = await (await client.GetAsync("/sign-in", Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Contains("data-scheme=\"dark\"", html, StringComparison.Ordinal);
        Assert.Contains("Sign in to Bookstore", html, StringComparison.Ordinal);
    }

    private async Task<JsonNode> GetExperienceAsync() => await (await Host.Admin.GetAsync("/api/sign-in-experience", Ct)).ReadJsonAsync();

    private async Task PutExperienceAsync(string json)
    {
        using var response = await Host.Admin.PutAsync("/api/sign-in-experience", HttpJson.Body(json), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<List<string>> ButtonsAsync(string path)
    {
        using var client = _world.Client();
        return Buttons(await (await client.GetAsync(path, Ct)).Content.ReadAsStringAsync(Ct));
    }

    private static List<string> Buttons(string html) => [.. StartLink().Matches(html).Select(match => match.Groups["id"].Value)];

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(item => item!.GetValue<string>())];

    [GeneratedRegex("href=\"/sign-in/(?<id>[a-z0-9-]+)")]
    private static partial Regex StartLink();
}
