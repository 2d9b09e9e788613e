using System.Net;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.Oidc;
using Connector.Host.Tests.SignIn;

namespace Connector.Host.Tests.Console;

/// <summary>
/// Into the console and out of it: an admin key or a user with the operator role; its own cookie, 12 hours from
/// sign-in at most, checked on every request (a removed role, a disabled user, a sign-out end it, copied cookies
/// included); every POST anti-forgery protected; <c>GET /</c> leads operators in.
/// </summary>
public sealed class ConsoleAccessTests : IAsyncLifetime
{
    private const string ConsoleCookie = "connectors.console";

    private OidcWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string PrimaryActor => AdminKeys.PrimaryActor;

    private HostFactory Factory => _world.Factory;

    public async ValueTask InitializeAsync() => _world = await OidcWorld.StartAsync();

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData("/console")]
    [InlineData("/console/sign-in-experience")]
    [InlineData("/console/applications/new")]
    [InlineData("/console/connectors")]
    [InlineData("/console/users?search=ada")]
    public async Task AnyConsolePage_WithoutASession_LeadsToTheSignInPage_AndComesBackAfterwards(string path)
    {
        var visitor = new ConsoleVisitor(Factory.NewBrowser());

        var page = await visitor.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal($"/console/sign-in?returnTo={Uri.EscapeDataString(path)}", page.Location!.OriginalString);

        using var signedIn = await visitor.SignInWithKeyAsync(AdminKeys.Primary, returnTo: path);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(path, signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AWrongKey_Is401_WithTheErrorBesideTheField_SetsNoSession_AndNeverLogsTheKey()
    {
        var visitor = new ConsoleVisitor(Factory.NewBrowser());
        const string Guess = "guessed-key-that-is-not-configured";

        using var response = await visitor.SignInWithKeyAsync(Guess);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("""id="admin-key-error">This is not one of the service’s admin keys.</p>""", html, StringComparison.Ordinal);
        Assert.Contains("""aria-describedby="admin-key-error""", html, StringComparison.Ordinal);
        Assert.False(visitor.Browser.HasCookie(ConsoleCookie));
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/console")).Status);
        Assert.DoesNotContain(Guess, Factory.Logs.AllText, StringComparison.Ordinal);
        Assert.Contains(Factory.Logs.Records, record => record.EventId.Id == 5102);
    }

    [Fact]
    public async Task TheRightKey_OpensTheConsole_WithItsOwnStrictHttpOnlyCookie_AndIsAuditedUnderTheKeysFingerprint()
    {
        var visitor = new ConsoleVisitor(Factory.NewBrowser());

        using var response = await visitor.SignInWithKeyAsync(AdminKeys.Primary);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), header => header.StartsWith(ConsoleCookie + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase); // ends with the browser, or after 12 h
        var dashboard = await visitor.GetAsync("/console");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.True(dashboard.NoStore);
        Assert.Contains(PrimaryActor, dashboard.Document.QuerySelector(".console-operator")!.TextContent, StringComparison.Ordinal);
        var audit = await _world.Host.Database.QueryAsync<(string Actor, string Outcome, string Details)>(
            "SELECT actor, outcome, details::text FROM audit_events WHERE action = 'console.signed_in'");
        Assert.Equal((PrimaryActor, "success", """{"method": "key"}"""), Assert.Single(audit));
    }

    [Fact]
    public async Task OverHttps_TheCookieIsAHostPrefixedSecureCookie()
    {
        await using var factory = new HostFactory(_world.Host.Database.ConnectionString, new Dictionary<string, string?> { ["Connectors:PublicOrigin"] = "https://id.example.com" });
        // Over https, as a browser sends a Secure cookie back over https only; cookies carried by hand so that the
        // answer's Set-Cookie headers stay readable.
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        using var page = await client.GetAsync("/console/sign-in", Ct);
        var token = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync(Ct))
            .QuerySelector($"input[name={ConsoleVisitor.AntiforgeryField}]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { [ConsoleVisitor.AntiforgeryField] = token, ["key"] = AdminKeys.Primary }),
        };
        request.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(header => header.Split(';')[0])));

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), header => header.StartsWith("__Host-connectors.console=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheSession_EndsTwelveHoursAfterSignIn_HoweverBusyTheOperatorWas()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Factory);

        for (var hour = 0; hour < 11; hour++)
        {
            _world.Host.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/console")).Status);
        }

        _world.Host.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/console")).Status);
    }

    [Fact]
    public async Task SigningOut_EndsTheSessionOnTheServer_SoACopiedCookieOpensNothing()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Factory);
        var thief = new ConsoleVisitor(Factory.NewBrowser(visitor.Browser.CopyOfCookies()));
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/console")).Status);

        using var signedOut = await visitor.PostFormAsync("/console", "/console/sign-out", []);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/console/sign-in", signedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/console")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/console")).Status);
        Assert.Equal(1, await _world.Host.Database.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'console.signed_out'"));
    }

    [Fact]
    public async Task APostWithoutTheConsolesToken_IsRefusedWithAPage_AndDoesNothing()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Factory);

        using var forged = await visitor.PostForgedAsync("/console/sign-out", []);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var html = await forged.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<code>invalid_request</code>", html, StringComparison.Ordinal);
        Assert.Contains("This form was refused", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/console")).Status);
    }

    [Fact]
    public async Task TheKeyForm_WithoutItsToken_IsRefused_SoNoSiteCanSignABrowserInAsItsOwnKey()
    {
        var visitor = new ConsoleVisitor(Factory.NewBrowser());

        using var forged = await visitor.PostForgedAsync("/console/sign-in", new() { ["key"] = AdminKeys.Primary });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(visitor.Browser.HasCookie(ConsoleCookie));
    }

    [Fact]
    public async Task AUserWithoutTheOperatorRole_IsRefusedWith403_AndGetsNoConsoleSession()
    {
        var visitor = new ConsoleVisitor(Factory.NewBrowser());
        using var signedIn = await visitor.Browser.SignInAsync(SignInHost.ConnectorId, "/console/sso");
        Assert.Equal("/console/sso", signedIn.Headers.Location!.OriginalString);

        var refused = await visitor.GetAsync("/console/sso");

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("This account cannot use the console", refused.Heading);
        Assert.Contains("unauthorized", refused.Document.QuerySelector(".details code")!.TextContent, StringComparison.Ordinal);
        Assert.False(visitor.Browser.HasCookie(ConsoleCookie));
        Assert.Equal("/sign-in", (await visitor.GetAsync("/")).Location!.OriginalString);
    }

    [Fact]
    public async Task AnOperator_SignsInThroughAConnector_IsAuditedAsTheirUser_AndLosesTheConsoleWithTheRoleOrWhenDisabled()
    {
        var (visitor, user) = await OperatorAsync();

        var dashboard = await visitor.GetAsync("/console");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("Ada Lovelace", dashboard.Document.QuerySelector(".console-operator")!.TextContent, StringComparison.Ordinal);
        var actors = await _world.Host.Database.QueryAsync<string>("SELECT actor FROM audit_events WHERE action = 'console.signed_in'");
        Assert.Equal($"user:{user}", Assert.Single(actors));

        await PatchUserAsync(user, """{ "roles": [] }""");
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/console")).Status);

        var (again, _) = await OperatorAsync();
        await PatchUserAsync(user, """{ "disabled": true }""");
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/console")).Status);
    }

    [Fact]
    public async Task SigningOutEverywhere_EndsTheOperatorsConsoleSessionToo()
    {
        var (visitor, user) = await OperatorAsync();

        using var revoked = await _world.Host.Admin.PostAsync($"/api/users/{user}/revoke-sessions", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/console")).Status);
    }

    [Fact]
    public async Task TheRoot_LeadsAnOperatorToTheConsole_AndEveryoneElseToSignIn()
    {
        Assert.Equal("/sign-in", (await new ConsoleVisitor(Factory.NewBrowser()).GetAsync("/")).Location!.OriginalString);

        var keyed = await ConsoleVisitor.SignedInAsync(Factory);
        Assert.Equal("/console", (await keyed.GetAsync("/")).Location!.OriginalString);

        var user = new ConsoleVisitor(Factory.NewBrowser());
        using var signedIn = await user.Browser.SignInAsync(SignInHost.ConnectorId);
        await PatchUserAsync(await UserIdAsync(), """{ "roles": ["operator"] }""");
        Assert.Equal("/console/sso", (await user.GetAsync("/")).Location!.OriginalString);
        Assert.Equal("/console", (await user.GetAsync("/console/sso")).Location!.OriginalString);
    }

    [Fact]
    public async Task ConsolePages_RunOnlyTheirOwnScript_AndNoFramesButThePreview()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Factory);

        using var response = await visitor.Browser.GetAsync("/console");

        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", string.Join(' ', response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    /// <summary>A user signed in through the connector, given the operator role, and come into the console.</summary>
    private async Task<(ConsoleVisitor Visitor, Guid User)> OperatorAsync()
    {
        var visitor = new ConsoleVisitor(Factory.NewBrowser());
        using var signedIn = await visitor.Browser.SignInAsync(SignInHost.ConnectorId, "/console/sso");
        var user = await UserIdAsync();
        await PatchUserAsync(user, """{ "roles": ["operator"], "disabled": false }""");
        var entered = await visitor.GetAsync("/console/sso");
        Assert.Equal("/console", entered.Location!.OriginalString);
        return (visitor, user);
    }

    private async Task<Guid> UserIdAsync() =>
        Assert.Single(await _world.Host.Database.QueryAsync<Guid>("SELECT user_id FROM user_identities"));

    private async Task PatchUserAsync(Guid user, string patch)
    {
        using var response = await _world.Host.Admin.PatchAsync($"/api/users/{user}", HttpJson.Body(patch, "application/merge-patch+json"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
