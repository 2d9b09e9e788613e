using System.Net;

namespace Connector.Host.Tests.Oidc;

/// <summary>OAuth errors for bad clients and bad redirect URIs (RFC 6749 §4.1.2.1, §5.2).</summary>
public sealed class ClientErrorTests : IAsyncLifetime
{
    private OidcWorld _world = null!;
    private OidcApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _world = await OidcWorld.StartAsync();
        _app = await _world.CreateAppAsync();
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Token_WithAWrongClientSecret_IsInvalidClient()
    {
        using var browser = _world.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, _app, pkce);

        using var response = await _world.TokenAsync(_app, OidcWorld.CodeGrant(_app, code, pkce), secret: _app.ClientSecret + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }

    [Fact]
    public async Task Token_FromAnUnknownClient_IsInvalidClient()
    {
        var stranger = _app with { ClientId = "no-such-client" };

        using var response = await _world.TokenAsync(stranger, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = "whatever", ["redirect_uri"] = _app.RedirectUri, ["code_verifier"] = "x",
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }

    [Fact]
    public async Task Token_WithARedirectUriOtherThanTheCodes_IsInvalidGrant()
    {
        using var browser = _world.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, _app, pkce);

        using var response = await _world.TokenAsync(_app, OidcWorld.CodeGrant(_app, code, pkce, redirectUri: _app.RedirectUri + "/other"));

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
        using var browser = _world.Host.NewBrowser();

        using var response = await browser.GetAsync(OidcWorld.AuthorizePath(_app, Pkce.Create(), redirectUri: redirectUri));

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
        using var browser = _world.Host.NewBrowser();

        using var response = await browser.GetAsync(OidcWorld.AuthorizePath(_app with { ClientId = "unknown-app" }, Pkce.Create()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync(OidcWorld.Ct), StringComparison.Ordinal);
    }
}
