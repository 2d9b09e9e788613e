using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Web;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.SignIn;

/// <summary>
/// A <c>responseMode: form_post</c> connector (OAuth 2.0 Form Post Response Mode): the provider POSTs the callback. With
/// the browser's binding cookie it completes at once; without it (the cross-site POST a SameSite=Lax cookie does not
/// accompany) the relay page posts the same fields again, once, and every state check holds either way. Sign in with
/// Apple's posted <c>user</c> names the user on the first sign-in, and later sign-ins without it keep that name.
/// </summary>
public sealed partial class FormPostCallbackTests : IAsyncLifetime
{
    private const string AppleUser = """{"name":{"firstName":"Ada","lastName":"Lovelace"},"email":"ada@privaterelay.appleid.com"}""";

    private SignInHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await SignInHost.StartAsync();
        await _host.CreateConnectorAsync(profileMap: new JsonObject { ["id"] = "sub", ["name"] = "name|user.name.firstName", ["email"] = "email|user.email" },
            shape: body => body["config"]!["responseMode"] = "form_post");
        await _host.CreateConnectorAsync("redirecting", "Redirecting");
        _host.Upstream.SignsIn("""{"sub":"001234.apple"}""");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Start_AsksTheProviderForAFormPost()
    {
        using var browser = _host.NewBrowser();

        var url = await browser.StartAsync(SignInHost.ConnectorId);

        Assert.Equal("form_post", HttpUtility.ParseQueryString(url.Query)["response_mode"]);
    }

    [Fact]
    public async Task Post_WithTheBindingCookie_SignsIn_WithTheNameFromThePostedUser()
    {
        using var browser = _host.NewBrowser();
        var state = await StartAsync(browser);

        using var response = await PostAsync(browser.Client, Fields(state, AppleUser));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", response.Headers.Location?.OriginalString);
        Assert.Equal(FakeProvider.Code, _host.Upstream.TokenForm()["code"]);
        var user = Assert.Single(await UsersAsync());
        Assert.Equal(("Ada", "ada@privaterelay.appleid.com"), user);
        var raw = JsonNode.Parse(Assert.Single(await _host.Database.QueryAsync<string>("SELECT raw_profile::text FROM user_identities")))!;
        Assert.Equal("Lovelace", raw["user"]!["name"]!["lastName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_WithoutTheCookie_AnswersTheRelayPage_AndItsRepostWithTheCookieSignsIn()
    {
        using var browser = _host.NewBrowser();
        var state = await StartAsync(browser);
        using var crossSite = CookielessClient();

        using var relay = await PostAsync(crossSite, Fields(state, AppleUser));

        Assert.Equal(HttpStatusCode.OK, relay.StatusCode);
        Assert.Equal("text/html", relay.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", relay.Headers.CacheControl?.ToString());
        Assert.Equal("DENY", relay.Headers.GetValues("X-Frame-Options").Single());
        var policy = relay.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        var html = await relay.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<script src=\"/assets/form-post.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/callback/acme\"", html, StringComparison.Ordinal);
        var relayed = HiddenFields(html);
        Assert.Equal(new Dictionary<string, string>
        {
            ["state"] = state, ["connectors_relayed"] = "1", ["code"] = FakeProvider.Code, ["user"] = AppleUser,
        }, relayed);
        Assert.Empty(_host.Upstream.Requests("/token")); // nothing happened yet: the state is still pending
        Assert.Empty(await _host.AuditOutcomesAsync());

        using var repost = await PostAsync(browser.Client, relayed);

        Assert.Equal(HttpStatusCode.Redirect, repost.StatusCode);
        Assert.Equal(("Ada", "ada@privaterelay.appleid.com"), Assert.Single(await UsersAsync()));
    }

    [Fact]
    public async Task Repost_WithoutTheCookieAgain_IsInvalidState_WritesNothing_AndLeavesTheStateToItsBrowser()
    {
        using var browser = _host.NewBrowser();
        var state = await StartAsync(browser);
        using var crossSite = CookielessClient();
        using var relay = await PostAsync(crossSite, Fields(state, AppleUser));
        var relayed = HiddenFields(await relay.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        using var second = await PostAsync(crossSite, relayed);

        await AssertRefusedAsync(second, HttpStatusCode.BadRequest, "invalid_state");
        Assert.Empty(_host.Upstream.Requests("/token"));
        using var own = await PostAsync(browser.Client, relayed);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
    }

    [Fact]
    public async Task RelayPage_EscapesEveryPostedValue()
    {
        using var browser = _host.NewBrowser();
        var state = await StartAsync(browser);
        const string hostile = "\"><script>alert(1)</script><input name=\"x";
        using var crossSite = CookielessClient();

        using var relay = await PostAsync(crossSite, Fields(state, hostile, code: hostile));

        var html = await relay.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"x", html, StringComparison.Ordinal);
        Assert.Equal(hostile, HiddenFields(html)["user"]);
    }

    [Theory]
    [InlineData("UnknownState")]
    [InlineData("TamperedState")]
    public async Task Post_WithAStateNotPending_IsInvalidState_WithOrWithoutTheCookie(string kind)
    {
        using var browser = _host.NewBrowser();
        var state = await StartAsync(browser);
        var wrong = kind == "UnknownState" ? new string('A', 43) : state[..^1] + (state[^1] == 'A' ? 'B' : 'A');
        using var crossSite = CookielessClient();

        using var withCookie = await PostAsync(browser.Client, Fields(wrong, AppleUser));
        using var withoutCookie = await PostAsync(crossSite, Fields(wrong, AppleUser));

        await AssertRefusedAsync(withCookie, HttpStatusCode.BadRequest, "invalid_state");
        await AssertRefusedAsync(withoutCookie, HttpStatusCode.BadRequest, "invalid_state");
    }

    [Fact]
    public async Task Post_ReplayedState_IsInvalidState_AndTheCodeIsExchangedOnce()
    {
        using var browser = _host.NewBrowser();
        var fields = Fields(await StartAsync(browser), AppleUser);
        using (var first = await PostAsync(browser.Client, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var replay = await PostAsync(browser.Client, fields);
        using var crossSiteReplay = await PostAsync(CookielessClient(), fields);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("invalid_state", await replay.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, crossSiteReplay.StatusCode); // no relay for a used state
        Assert.Single(_host.Upstream.Requests("/token"));
    }

    [Fact]
    public async Task Post_ForAnotherConnectorsState_IsInvalidState()
    {
        await _host.CreateConnectorAsync("other", "Other", shape: body => body["config"]!["responseMode"] = "form_post");
        using var browser = _host.NewBrowser();
        var state = await StartAsync(browser);

        using var response = await PostAsync(browser.Client, Fields(state, AppleUser), "/callback/other");

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "invalid_state");
    }

    [Fact]
    public async Task Post_AfterTenMinutes_IsStateExpired()
    {
        using var browser = _host.NewBrowser();
        var state = await StartAsync(browser);
        _host.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        using var response = await PostAsync(browser.Client, Fields(state, AppleUser));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "state_expired");
        Assert.Empty(_host.Upstream.Requests("/token"));
    }

    [Theory]
    [InlineData("user_cancelled_authorize", HttpStatusCode.BadGateway, "provider_error")]
    [InlineData("access_denied", HttpStatusCode.BadRequest, "provider_access_denied")]
    public async Task Post_WithAProviderError_EndsOnItsPage(string error, HttpStatusCode status, string code)
    {
        using var browser = _host.NewBrowser();
        var state = await StartAsync(browser);

        using var response = await PostAsync(browser.Client, new Dictionary<string, string> { ["state"] = state, ["error"] = error });

        await AssertRefusedAsync(response, status, code);
    }

    [Fact]
    public async Task Post_WithoutState_OrNotAForm_OrTooLarge_IsInvalidState_AndWritesNothing()
    {
        using var browser = _host.NewBrowser();
        var state = await StartAsync(browser);

        using var stateless = await PostAsync(browser.Client, new Dictionary<string, string> { ["code"] = "abc" });
        using var json = await browser.Client.PostAsync(new Uri("/callback/acme", UriKind.Relative),
            new StringContent($$"""{"state":"{{state}}","code":"abc"}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var large = await PostAsync(browser.Client, Fields(state, new string('x', 20 * 1024)));

        await AssertRefusedAsync(stateless, HttpStatusCode.BadRequest, "invalid_state");
        await AssertRefusedAsync(json, HttpStatusCode.BadRequest, "invalid_state");
        await AssertRefusedAsync(large, HttpStatusCode.BadRequest, "invalid_state");
        using var stillPending = await PostAsync(browser.Client, Fields(state, AppleUser));
        Assert.Equal(HttpStatusCode.Redirect, stillPending.StatusCode);
    }

    [Fact]
    public async Task Post_ToAConnectorThatRedirects_IsMethodNotAllowed_AndItsStateStaysUsable()
    {
        using var browser = _host.NewBrowser();
        var callback = await Browser.AtProviderAsync(await browser.StartAsync("redirecting"));
        var state = HttpUtility.ParseQueryString(new Uri(Browser.Origin, callback).Query)["state"]!;

        using var posted = await PostAsync(browser.Client, Fields(state, AppleUser), "/callback/redirecting");

        await AssertRefusedAsync(posted, HttpStatusCode.MethodNotAllowed, "method_not_allowed", audited: false);
        Assert.Equal("GET", posted.Content.Headers.Allow.Single());
        using var redirected = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
    }

    [Fact]
    public async Task Get_ToAFormPostConnector_IsMethodNotAllowed()
    {
        using var browser = _host.NewBrowser();
        var state = await StartAsync(browser);

        using var response = await browser.GetAsync($"/callback/acme?code=abc&state={state}");

        await AssertRefusedAsync(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed", audited: false);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.Empty(_host.Upstream.Requests("/token"));
    }

    [Fact]
    public async Task PostedUser_ThatIsNotJson_IsIgnored_AndTheSignInCompletesWithoutAName()
    {
        using var browser = _host.NewBrowser();
        var state = await StartAsync(browser);

        using var response = await PostAsync(browser.Client, Fields(state, "{not json"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(((string?)null, (string?)null), Assert.Single(await UsersAsync()));
        var warning = Assert.Single(_host.Factory.Logs.Records, record => record.EventId.Id == 4106);
        Assert.DoesNotContain("not json", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_OverPost_IsNotRelayed_AndShowsThePostedUserInTheProfile()
    {
        using var started = await _host.Admin.PostAsync("/api/connectors/acme/test", null, TestContext.Current.CancellationToken);
        var url = new Uri((await started.ReadJsonAsync())["authorizationUrl"]!.GetValue<string>());
        var state = HttpUtility.ParseQueryString(url.Query)["state"]!;

        // The admin's browser has no binding cookie, and a dry run needs none.
        using var page = await PostAsync(CookielessClient(), Fields(state, AppleUser));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("form-post.js", html, StringComparison.Ordinal);
        Assert.Contains("Lovelace", html, StringComparison.Ordinal); // the raw profile the map read
        Assert.Equal(0, await _host.CountAsync("users"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LaterSignIn_WithoutPostedUser_KeepsTheFirstName(bool syncProfile)
    {
        await _host.CreateConnectorAsync("apple", "Apple", new JsonObject { ["id"] = "sub", ["name"] = "user.name.firstName" }, shape: body =>
        {
            body["config"]!["responseMode"] = "form_post";
            body["syncProfile"] = syncProfile;
        });
        using var browser = _host.NewBrowser();
        using (var first = await PostAsync(browser.Client, Fields(await StartAsync(browser, "apple"), AppleUser), "/callback/apple"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await PostAsync(browser.Client, Fields(await StartAsync(browser, "apple"), user: null), "/callback/apple");

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(2, _host.Upstream.Requests("/token").Count);
        Assert.Equal("Ada", Assert.Single(await UsersAsync()).Name);
        var identity = Assert.Single(await _host.Database.QueryAsync<(string Name, string FirstName)>(
            "SELECT profile ->> 'name', raw_profile #>> '{user,name,firstName}' FROM user_identities"));
        Assert.Equal(("Ada", "Ada"), identity);
    }

    private static async Task<string> StartAsync(Browser browser, string connectorId = SignInHost.ConnectorId)
    {
        var url = await browser.StartAsync(connectorId);
        return HttpUtility.ParseQueryString(url.Query)["state"]!;
    }

    private static Dictionary<string, string> Fields(string state, string? user, string code = FakeProvider.Code)
    {
        var fields = new Dictionary<string, string> { ["state"] = state, ["code"] = code };
        if (user is not null)
        {
            fields["user"] = user;
        }

        return fields;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, IReadOnlyDictionary<string, string> fields, string path = "/callback/acme") =>
        client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);

    /// <summary>The provider's page posting from another site: the browser sends none of this site's Lax cookies.</summary>
    private HttpClient CookielessClient() => new(_host.Factory.Server.CreateHandler()) { BaseAddress = Browser.Origin };

    private static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInput().Matches(html).ToDictionary(match => HttpUtility.HtmlDecode(match.Groups[1].Value), match => HttpUtility.HtmlDecode(match.Groups[2].Value));

    private Task<IReadOnlyList<(string? Name, string? Email)>> UsersAsync() =>
        _host.Database.QueryAsync<(string? Name, string? Email)>("SELECT name, email FROM users");

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code, bool? audited = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(code, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(0, await _host.CountAsync("users"));
        Assert.Equal(0, await _host.CountAsync("user_identities"));
        // A callback that names no pending sign-in is anyone's to send: no audit row. A real sign-in's failure is audited.
        var outcomes = await _host.AuditOutcomesAsync();
        if (audited ?? code is not "invalid_state")
        {
            Assert.Contains(code, outcomes);
        }
        else
        {
            Assert.Empty(outcomes);
        }
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
