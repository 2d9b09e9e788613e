using System.Net;
using System.Web;

namespace Connector.Host.Tests.Oidc;

/// <summary>RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0 §2, §3).</summary>
public sealed class EndSessionTests : OidcAppTests
{
    [Fact]
    public async Task EndSession_WithARegisteredPostLogoutUri_EndsOurSession_AndRedirectsThere()
    {
        using var browser = World.Host.NewBrowser();
        await OidcWorld.AuthorizeAsync(browser, App, Pkce.Create());

        using var response = await browser.GetAsync(
            $"/oidc/session/end?client_id={App.ClientId}&post_logout_redirect_uri={Uri.EscapeDataString("http://localhost:3000/")}&state=bye");
        using var again = await browser.GetAsync(OidcWorld.AuthorizePath(App, Pkce.Create()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost:3000/", response.Headers.Location!.GetLeftPart(UriPartial.Path));
        Assert.Equal("bye", HttpUtility.ParseQueryString(response.Headers.Location.Query)["state"]);
        Assert.StartsWith("/sign-in?", again.Headers.Location!.OriginalString, StringComparison.Ordinal); // signed out
    }

    [Fact]
    public async Task EndSession_WithAnUnregisteredPostLogoutUri_ShowsAnErrorPage_AndNeverRedirects()
    {
        using var browser = World.Host.NewBrowser();

        using var response = await browser.GetAsync(
            $"/oidc/session/end?client_id={App.ClientId}&post_logout_redirect_uri={Uri.EscapeDataString("https://evil.example/")}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EndSession_WithoutARedirectUri_ReturnsToOurSignInPage()
    {
        using var browser = World.Host.NewBrowser();

        using var response = await browser.GetAsync("/oidc/session/end");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", response.Headers.Location!.OriginalString);
    }
}
