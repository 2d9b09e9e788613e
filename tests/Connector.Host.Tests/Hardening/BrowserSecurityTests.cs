using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Connector.Host.Hardening;
using Connector.Host.Tests.Oidc;
using Connector.Host.Tests.SignIn;

namespace Connector.Host.Tests.Hardening;

/// <summary>
/// Clickjacking, MIME sniffing, Referer leaks and injected content: the headers every answer carries, and pages that
/// work under their Content-Security-Policy (no inline script or style) with anti-forgery on every form.
/// </summary>
public sealed partial class BrowserSecurityTests : IAsyncLifetime
{
    private OidcWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SignInHost Host => _world.Host;

    public async ValueTask InitializeAsync() => _world = await OidcWorld.StartAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/sign-in/acme")]
    [InlineData("/callback/acme")]
    [InlineData("/callback/acme?state=forged&code=x")]
    [InlineData("/account")]
    [InlineData("/no-such-page")]
    [InlineData("/healthz")]
    [InlineData("/api/connectors")]
    [InlineData("/oidc/.well-known/openid-configuration")]
    public async Task EveryAnswer_ForbidsFramingSniffingAndReferrers(string path)
    {
        using var browser = Host.NewBrowser();

        using var response = await browser.GetAsync(path);

        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal(SecurityHeaders.PolicyFor(path, loopbackImages: true), Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public void LoopbackImages_AreAllowedOnlyWithInsecureEndpointsOn_AndNothingElseChanges()
    {
        var strict = SecurityHeaders.PolicyFor("/account", loopbackImages: false);
        var development = SecurityHeaders.PolicyFor("/account", loopbackImages: true);

        Assert.Equal(SecurityHeaders.PagePolicy, strict);
        Assert.DoesNotContain("http:", strict, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' https: data: http://localhost:* http://127.0.0.1:*", development, StringComparison.Ordinal);
        Assert.Equal(strict, development.Replace(SecurityHeaders.LoopbackImages, "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PagePolicy_IsTheStrictOne()
    {
        var directives = SecurityHeaders.PagePolicy.Split("; ");

        Assert.Contains("default-src 'none'", directives);
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.Contains("form-action 'self'", directives);
        Assert.Contains("base-uri 'none'", directives);
        Assert.DoesNotContain(directives, d => d.Contains("unsafe", StringComparison.Ordinal) || d.StartsWith("script-src", StringComparison.Ordinal));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task SuccessfulCallback_SendsNoReferrerOnItsRedirect()
    {
        using var browser = Host.NewBrowser();

        using var response = await browser.SignInAsync(SignInHost.ConnectorId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task OurPages_UseNoInlineScriptOrStyle_SoTheyWorkUnderThePolicy()
    {
        using var browser = Host.NewBrowser();
        await browser.SignInAsync(SignInHost.ConnectorId);
        using var started = await Host.Admin.PostAsync("/api/connectors/acme/test", null, Ct);
        var dryRun = new Uri((await started.Content.ReadAsStringAsync(Ct)).Split('"')[3]);

        string[] pages =
        [
            await BodyAsync(browser, "/sign-in"),
            await BodyAsync(browser, "/account"),
            await BodyAsync(browser, "/callback/acme?state=forged&code=x"),
            await BodyAsync(browser, await Browser.AtProviderAsync(dryRun)),
            await BodyAsync(browser, "/oidc/auth?client_id=unknown&response_type=code&redirect_uri=https%3A%2F%2Fevil.example%2F"),
        ];

        foreach (var html in pages)
        {
            Assert.Contains("<html", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(InlineCode(), html);
            Assert.Contains("href=\"/assets/site.css\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryFormOnOurPages_CarriesAnAntiforgeryToken()
    {
        using var browser = Host.NewBrowser();
        await browser.SignInAsync(SignInHost.ConnectorId);

        var forms = new List<string>();
        foreach (var path in new[] { "/sign-in", "/account", "/callback/acme" })
        {
            forms.AddRange(Form().Matches(await BodyAsync(browser, path)).Select(match => match.Value));
        }

        Assert.NotEmpty(forms);
        Assert.All(forms, form => Assert.Matches(AntiforgeryField(), form));
    }

    [Fact]
    public async Task SignOut_WithAnotherBrowsersToken_IsRefused_AndKeepsTheSession()
    {
        using var victim = Host.NewBrowser();
        await victim.SignInAsync(SignInHost.ConnectorId);
        using var attacker = Host.NewBrowser();
        await attacker.SignInAsync(SignInHost.ConnectorId);
        var attackersToken = AntiforgeryField().Match(await BodyAsync(attacker, "/account")).Groups["token"].Value;
        Assert.NotEmpty(attackersToken);

        using var forged = await victim.Client.PostAsync("/sign-out",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = attackersToken }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var account = await victim.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
    }

    [Fact]
    public async Task FormPostAuthorizationResponse_RunsOnlyItsOwnScript_UnderThePolicy()
    {
        var app = await _world.CreateAppAsync();
        using var browser = Host.NewBrowser();
        await OidcWorld.AuthorizeAsync(browser, app, Pkce.Create());

        using var response = await browser.GetAsync(OidcWorld.AuthorizePath(app, Pkce.Create()) + "&response_mode=form_post");
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"action=\"{app.RedirectUri}\"", html, StringComparison.Ordinal);
        var script = Script().Match(html).Groups["body"].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        var policy = Header(response, "Content-Security-Policy");
        Assert.Equal(SecurityHeaders.PolicyFor("/oidc/auth", loopbackImages: true), policy);
        Assert.Contains($"script-src 'sha256-{hash}'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task ApiReference_KeepsItsScripts_ButIsNeverFramed()
    {
        using var client = Host.Factory.CreateClient();

        using var response = await client.GetAsync("/scalar", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeaders.ReferencePolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : "";

    private static async Task<string> BodyAsync(Browser browser, string path)
    {
        using var response = await browser.GetAsync(path);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [GeneratedRegex(@"<script|<style|\sstyle\s*=|\son[a-z]+\s*=|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"<form\b.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [GeneratedRegex("""<input type="hidden" name="__RequestVerificationToken" value="(?<token>[^"]+)"[^>]*>""")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"<script>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex Script();
}
