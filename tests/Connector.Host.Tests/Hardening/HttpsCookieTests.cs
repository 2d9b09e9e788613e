using System.Net;
using System.Net.Http.Headers;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.Oidc;
using Connector.Host.Tests.SignIn;

namespace Connector.Host.Tests.Hardening;

/// <summary>
/// Served over https, every cookie of the service is a <c>__Host-</c> cookie (Secure, this host, every path) and every
/// answer asks for HSTS; served over plain http (development) neither, since browsers would refuse both. Pages are
/// never cached, and the admin-key scheme only runs where the admin policy asks for it.
/// </summary>
public sealed class HttpsCookieTests : IAsyncLifetime
{
    private OidcWorld _world = null!;
    private HostFactory _https = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await OidcWorld.StartAsync();
        _https = new HostFactory(_world.Host.Database.ConnectionString, new Dictionary<string, string?> { ["Connectors:PublicOrigin"] = "https://id.example.com" });
    }

    public async ValueTask DisposeAsync()
    {
        await _https.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task OverHttps_TheBindingAndAntiforgeryCookies_AreHostPrefixedAndSecure()
    {
        // Cookies left to the test: a cookie-handling client would take the Set-Cookie headers out of the answer.
        using var client = _https.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });

        using var start = await client.GetAsync("/sign-in/acme", Ct);
        using var signIn = await client.GetAsync("/console/sign-in", Ct);

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        AssertHostCookie(start, "__Host-connectors.binding");
        AssertHostCookie(signIn, "__Host-connectors.antiforgery");
    }

    [Fact]
    public async Task OverHttps_EveryAnswerAsksForHsts_AndOverHttpNone()
    {
        using var https = _https.CreateClient();
        using var http = _world.Factory.CreateClient();

        foreach (var path in new[] { "/sign-in", "/healthz", "/oidc/.well-known/openid-configuration", "/no-such-page" })
        {
            using var secure = await https.GetAsync(path, Ct);
            using var plain = await http.GetAsync(path, Ct);
            Assert.Equal("max-age=31536000", string.Join(',', secure.Headers.GetValues("Strict-Transport-Security")));
            Assert.False(plain.Headers.Contains("Strict-Transport-Security"), path);
        }
    }

    [Fact]
    public async Task OverHttp_CookiesKeepTheirBareNames()
    {
        using var browser = _world.Host.NewBrowser();

        await browser.StartAsync(SignInHost.ConnectorId);

        Assert.True(browser.HasCookie("connectors.binding"));
    }

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/callback/acme?state=forged&code=x")]
    [InlineData("/console/sign-in")]
    public async Task Pages_AreNeverCached(string path)
    {
        using var browser = _world.Host.NewBrowser();

        using var response = await browser.GetAsync(path);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, path);
    }

    [Fact]
    public async Task TheAccountPage_IsNeverCached()
    {
        using var browser = _world.Host.NewBrowser();
        using var signedIn = await browser.SignInAsync(SignInHost.ConnectorId);

        using var account = await browser.GetAsync("/account");

        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.True(account.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task AnAppsBearerToken_IsNotTakenForAnAdminKey()
    {
        using var client = _world.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/oidc/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "an-app-access-token-that-is-no-admin-key");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(_world.Factory.Logs.Records, record => record.EventId.Id == 3001);
    }

    private static void AssertHostCookie(HttpResponseMessage response, string name)
    {
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), header => header.StartsWith(name + "=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
