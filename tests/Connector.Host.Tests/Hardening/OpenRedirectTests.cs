using System.Net;
using System.Web;
using Connector.Host.SignIn;
using Connector.Host.Tests.Oidc;
using Connector.Host.Tests.SignIn;

namespace Connector.Host.Tests.Hardening;

/// <summary>
/// Open redirects (RFC 9700 §4.11) through the real flows: a smuggled <c>returnTo</c> lands on the account page, a
/// long OIDC request still resumes, and OIDC sign-out goes only to a registered post-logout URI.
/// </summary>
public sealed class OpenRedirectTests : IAsyncLifetime
{
    private OidcWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await OidcWorld.StartAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Theory]
    [InlineData("/%2F%2Fevil.example")]
    [InlineData("https:evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("\\\\evil.example")]
    public async Task SignIn_WithASmuggledReturnTo_LandsOnTheAccountPage(string returnTo)
    {
        using var browser = _world.Host.NewBrowser();

        using var response = await browser.SignInAsync(SignInHost.ConnectorId, returnTo);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SignInPaths.DefaultReturn, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LongOidcAuthorizationRequest_ResumesAfterTheConnectorSignIn()
    {
        // Over the former 2048-character cap: a real app's request with a long state and login hint.
        var app = await _world.CreateAppAsync();
        var path = OidcWorld.AuthorizePath(app, Pkce.Create(), state: new string('s', 1500)) + "&login_hint=" + new string('h', 1500);
        Assert.InRange(path.Length, 3000, ReturnUrlPolicy.MaxLength);
        using var browser = _world.Host.NewBrowser();

        using var first = await browser.GetAsync(path);
        var returnTo = HttpUtility.ParseQueryString(first.Headers.Location!.OriginalString.Split('?', 2)[1])["returnTo"];
        using var callback = await browser.SignInAsync(SignInHost.ConnectorId, returnTo);

        Assert.Equal(path, returnTo);
        Assert.Equal(path, callback.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("http://localhost:3000/evil")]
    [InlineData("http://localhost:3000")] // registered with the trailing slash: matched exactly
    [InlineData("http://localhost:3000/?next=https://evil.example")]
    [InlineData("http://localhost:3000/#@evil.example")]
    [InlineData("http://localhost:3000@evil.example/")]
    [InlineData("http://localhost:3001/")]
    [InlineData("http://LOCALHOST:3000/")]
    [InlineData("https://localhost:3000/")]
    [InlineData("//evil.example/")]
    [InlineData("/sign-in")]
    [InlineData("http://localhost:3000/%2e%2e/evil")]
    public async Task EndSession_ToAnUnregisteredPostLogoutUri_NeverRedirects(string postLogoutRedirectUri)
    {
        var app = await _world.CreateAppAsync();
        using var browser = _world.Host.NewBrowser();
        await OidcWorld.AuthorizeAsync(browser, app, Pkce.Create());

        using var response = await browser.GetAsync(
            $"/oidc/session/end?client_id={app.ClientId}&post_logout_redirect_uri={Uri.EscapeDataString(postLogoutRedirectUri)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EndSession_ToAnotherAppsPostLogoutUri_NeverRedirects()
    {
        var app = await _world.CreateAppAsync();
        using var registered = await _world.Host.Admin.PostAsync("/api/apps", Infrastructure.HttpJson.Body(
            """{ "name": "Other", "redirectUris": ["https://other.example/cb"], "postLogoutRedirectUris": ["https://other.example/bye"] }"""),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using var browser = _world.Host.NewBrowser();

        using var response = await browser.GetAsync(
            $"/oidc/session/end?client_id={app.ClientId}&post_logout_redirect_uri={Uri.EscapeDataString("https://other.example/bye")}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
