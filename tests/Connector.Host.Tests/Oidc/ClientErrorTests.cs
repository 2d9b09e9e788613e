using System.Net;

namespace Connector.Host.Tests.Oidc;

/// <summary>OAuth errors for bad clients and bad redirect URIs (RFC 6749 §4.1.2.1, §5.2).</summary>
public sealed class ClientErrorTests : OidcAppTests
{
    [Fact]
    public async Task Token_WithAWrongClientSecret_IsInvalidClient()
    {
        using var browser = World.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, App, pkce);

        using var response = await World.TokenAsync(App, OidcWorld.CodeGrant(App, code, pkce), secret: App.ClientSecret + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }

    [Fact]
    public async Task Token_FromAnUnknownClient_IsInvalidClient()
    {
        var stranger = App with { ClientId = "no-such-client" };

        using var response = await World.TokenAsync(stranger, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = "whatever", ["redirect_uri"] = App.RedirectUri, ["code_verifier"] = "x",
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }

    [Fact]
    public async Task Token_WithARedirectUriOtherThanTheCodes_IsInvalidGrant()
    {
        using var browser = World.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, App, pkce);

        using var response = await World.TokenAsync(App, OidcWorld.CodeGrant(App, code, pkce, redirectUri: App.RedirectUri + "/other"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }

    [Theory]
    [InlineData("http://localhost:3000/api/auth/callback/logto/")]
    [InlineData("http://localhost:3000/api/auth/callback/LOGTO")]
    [InlineData("https://evil.example/callback")]
    [InlineData("http://localhost:3000/api/auth/callback/logto?x=1")]
    public async Task Authorize_WithAnUnregisteredRedirectUri_ShowsAnErrorPage_AndNeverRedirects(string redirectUri)
    {
        using var browser = World.Host.NewBrowser();

        using var response = await browser.GetAsync(OidcWorld.AuthorizePath(App, Pkce.Create(), redirectUri: redirectUri));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(OidcWorld.Ct);
        Assert.Contains("invalid_request", html, StringComparison.Ordinal);
        Assert.Contains("redirect_uri", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_ForAnUnknownClient_ShowsAnErrorPage_AndNeverRedirects()
    {
        using var browser = World.Host.NewBrowser();

        using var response = await browser.GetAsync(OidcWorld.AuthorizePath(App with { ClientId = "unknown-app" }, Pkce.Create()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync(OidcWorld.Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openid profile calendar")]
    [InlineData("openid identities.write")]
    public async Task Authorize_WithAScopeTheServiceDoesNotKnow_IsRefused_AndNoCodeIsIssued(string scope)
    {
        using var browser = World.Host.NewBrowser();
        await OidcWorld.AuthorizeAsync(browser, App, Pkce.Create()); // signed in: a code would come at once

        using var response = await browser.GetAsync(OidcWorld.AuthorizePath(App, Pkce.Create(), scope: scope));

        // OpenIddict judges the scopes before the redirect URI, so the refusal is our error page, never a redirect.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("invalid_scope", await response.Content.ReadAsStringAsync(OidcWorld.Ct), StringComparison.Ordinal);
    }
}
