using System.Net;
using System.Web;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.SignIn;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Connector.Host.Tests.Oidc;

/// <summary>
/// <c>max_age</c> and <c>prompt=login</c> (OIDC Core §3.1.2.1): a new sign-in at the provider that an old session
/// cannot stand in for, whatever the browser does with the URLs; <c>auth_time</c> in the ID token says when it was.
/// </summary>
public sealed class FreshnessTests : OidcAppTests
{
    private static CancellationToken Ct => OidcWorld.Ct;

    [Theory]
    [InlineData("&max_age=0")]
    [InlineData("&prompt=login")]
    public async Task AFreshSignInIsRequired_AndTheResumedRequestAloneCannotCompleteIt(string asked)
    {
        using var browser = World.Host.NewBrowser();
        await OidcWorld.AuthorizeAsync(browser, App, Pkce.Create());
        var providerVisits = ProviderVisits();

        var resumed = await SentToSignInAsync(browser, OidcWorld.AuthorizePath(App, Pkce.Create()) + asked);
        // The browser goes straight back to the resumed request, skipping the provider: still no code.
        var again = await SentToSignInAsync(browser, resumed);

        Assert.Equal(providerVisits, ProviderVisits());
        Assert.StartsWith("/oidc/auth?", again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&max_age=0")]
    [InlineData("&prompt=login")]
    public async Task AfterANewProviderSignIn_TheResumedRequestGetsACode_WithTheNewAuthTime(string asked)
    {
        using var browser = World.Host.NewBrowser();
        await OidcWorld.AuthorizeAsync(browser, App, Pkce.Create());
        World.Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var pkce = Pkce.Create();
        var resumed = await SentToSignInAsync(browser, OidcWorld.AuthorizePath(App, pkce) + asked);
        var providerVisits = ProviderVisits();

        using var callback = await browser.SignInAsync(SignInHost.ConnectorId, resumed);
        using var answer = await browser.GetAsync(callback.Headers.Location!.OriginalString);

        Assert.Equal(providerVisits + 1, ProviderVisits());
        var code = CodeOf(answer);
        using var redeemed = await World.RedeemAsync(App, code, pkce);
        var idToken = new JsonWebToken((await redeemed.ReadJsonAsync())["id_token"]!.GetValue<string>());
        Assert.Equal(World.Host.Clock.GetUtcNow().ToUnixTimeSeconds(), long.Parse(idToken.GetClaim("auth_time").Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task MaxAge_IsMetByASessionYoungerThanIt_AndNotByAnOlderOne()
    {
        using var browser = World.Host.NewBrowser();
        await OidcWorld.AuthorizeAsync(browser, App, Pkce.Create());

        World.Host.Clock.Advance(TimeSpan.FromSeconds(50));
        using var young = await browser.GetAsync(OidcWorld.AuthorizePath(App, Pkce.Create()) + "&max_age=60");
        World.Host.Clock.Advance(TimeSpan.FromSeconds(20));
        using var old = await browser.GetAsync(OidcWorld.AuthorizePath(App, Pkce.Create()) + "&max_age=60");

        CodeOf(young);
        Assert.StartsWith("/sign-in?returnTo=", old.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMarkerMadeInAnotherBrowser_DoesNotLetAnOlderSessionSkipTheSignIn()
    {
        using var victim = World.Host.NewBrowser();
        await OidcWorld.AuthorizeAsync(victim, App, Pkce.Create());
        World.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        using var other = World.Host.NewBrowser(); // no session there: its marker refuses "no session"
        var minted = await SentToSignInAsync(other, OidcWorld.AuthorizePath(App, Pkce.Create()) + "&prompt=login");

        var stillRefused = await SentToSignInAsync(victim, minted);

        Assert.StartsWith("/oidc/auth?", stillRefused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATamperedMarker_CountsAsNone()
    {
        using var browser = World.Host.NewBrowser();
        await OidcWorld.AuthorizeAsync(browser, App, Pkce.Create());
        var resumed = await SentToSignInAsync(browser, OidcWorld.AuthorizePath(App, Pkce.Create()) + "&prompt=login");
        var marker = HttpUtility.ParseQueryString(resumed.Split('?', 2)[1])["login_after"]!;

        var forged = resumed.Replace(Uri.EscapeDataString(marker), Uri.EscapeDataString(marker[..^2] + "AA"), StringComparison.Ordinal);

        Assert.StartsWith("/oidc/auth?", await SentToSignInAsync(browser, forged), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromptNone_WithASessionTooOldForMaxAge_IsLoginRequired()
    {
        using var browser = World.Host.NewBrowser();
        await OidcWorld.AuthorizeAsync(browser, App, Pkce.Create());
        World.Host.Clock.Advance(TimeSpan.FromMinutes(2));

        using var response = await browser.GetAsync(OidcWorld.AuthorizePath(App, Pkce.Create()) + "&max_age=60&prompt=none");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("login_required", HttpUtility.ParseQueryString(response.Headers.Location!.Query)["error"]);
    }

    [Fact]
    public async Task AuthTime_StaysTheSignInsTime_InIdTokensFromARefresh()
    {
        using var browser = World.Host.NewBrowser();
        var pkce = Pkce.Create();
        var signedInAt = World.Host.Clock.GetUtcNow().ToUnixTimeSeconds();
        var code = await OidcWorld.AuthorizeAsync(browser, App, pkce);
        using var redeemed = await World.RedeemAsync(App, code, pkce);
        World.Host.Clock.Advance(TimeSpan.FromMinutes(10));

        using var refreshed = await World.RefreshAsync(App, (await redeemed.ReadJsonAsync())["refresh_token"]!.GetValue<string>());

        var idToken = new JsonWebToken((await refreshed.ReadJsonAsync())["id_token"]!.GetValue<string>());
        Assert.Equal(signedInAt.ToString(System.Globalization.CultureInfo.InvariantCulture), idToken.GetClaim("auth_time").Value);
    }

    [Fact]
    public async Task EndSession_WithAnIdTokenHintOfThisUser_EndsTheSession()
    {
        using var browser = World.Host.NewBrowser();
        var idToken = await SignInForIdTokenAsync(browser);

        using var ended = await browser.GetAsync("/oidc/session/end?id_token_hint=" + Uri.EscapeDataString(idToken));

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task EndSession_WithAnIdTokenHintOfAnotherUser_LeavesThisSessionAlone()
    {
        using var someoneElse = World.Host.NewBrowser();
        var othersIdToken = await SignInForIdTokenAsync(someoneElse);
        World.Host.Upstream.SignsIn("""{"sub":"upstream-8","name":"Grace Hopper","email":"grace@example.com"}""");
        using var browser = World.Host.NewBrowser();
        await SignInForIdTokenAsync(browser);

        using var ended = await browser.GetAsync("/oidc/session/end?id_token_hint=" + Uri.EscapeDataString(othersIdToken));

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task EndSession_WithAForgedIdTokenHint_IsRefused_AndEndsNothing()
    {
        using var browser = World.Host.NewBrowser();
        var idToken = await SignInForIdTokenAsync(browser);

        using var ended = await browser.GetAsync("/oidc/session/end?id_token_hint=" + Uri.EscapeDataString(idToken[..^4] + "AAAA"));

        Assert.Equal(HttpStatusCode.BadRequest, ended.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
    }

    private async Task<string> SignInForIdTokenAsync(Browser browser)
    {
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, App, pkce);
        using var redeemed = await World.RedeemAsync(App, code, pkce);
        return (await redeemed.ReadJsonAsync())["id_token"]!.GetValue<string>();
    }

    /// <summary>Asserts /oidc/auth sends the browser to sign in, and returns the request it will resume.</summary>
    private static async Task<string> SentToSignInAsync(Browser browser, string authorizePath)
    {
        using var response = await browser.GetAsync(authorizePath);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/sign-in?returnTo=", location, StringComparison.Ordinal);
        return HttpUtility.ParseQueryString(location.Split('?', 2)[1])["returnTo"]!;
    }

    private string CodeOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(App.RedirectUri + "?", location.OriginalString, StringComparison.Ordinal);
        return HttpUtility.ParseQueryString(location.Query)["code"]!;
    }

    private int ProviderVisits() => World.Host.Upstream.Requests("/authorize").Count;
}
