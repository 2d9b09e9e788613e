using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Connector.Browser.Tests.Infrastructure;
using Connector.Testing.Database;
using Connector.Testing.Providers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Connector.Browser.Tests.SignIn;

/// <summary>
/// A <c>responseMode: form_post</c> sign-in in real headless Chromium, across sites: the host on <c>localhost</c>, the
/// provider on <c>127.0.0.1</c>, whose authorize page posts <c>code</c>, <c>state</c> and, the first time, Sign in with
/// Apple's <c>user</c> back to the callback by script. Chromium leaves the SameSite=Lax binding cookie off that first,
/// cross-site POST and sends it with the relay page's same-site re-post; the test reads both off the wire.
/// </summary>
public sealed class FormPostSignInTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string ConnectorId = "apple";
    private const string AppleUser = """{"name":{"firstName":"Ada","lastName":"Lovelace"},"email":"ada@privaterelay.appleid.com"}""";

    private readonly FakeProvider _provider = new();
    private TestDatabase _database = null!;
    private LoopbackHost _host = null!;
    private IBrowserContext _context = null!;
    private int _authorizations;

    /// <summary>The provider on another site than the host: same loopback interface, another name.</summary>
    private string ProviderOrigin => $"http://127.0.0.1:{new Uri(_provider.Url).Port}";

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _host = new LoopbackHost(_database.ConnectionString, hostName: "localhost");
        _host.StartServer();
        _provider.On("GET", FakeProvider.AuthorizePath, WireMock.ResponseBuilders.Response.Create().WithCallback(request =>
            WireRequests.Message(200, "text/html; charset=utf-8", AuthorizePage(
                request.Query!["redirect_uri"].ToString(), request.Query["state"].ToString(), request.Query["response_mode"].ToString(),
                Interlocked.Increment(ref _authorizations) == 1 ? AppleUser : null))));
        _provider.SignsIn("""{"sub":"001234.apple"}""");
        _provider.On("GET", "/favicon.ico", FakeProvider.Status(404)); // Chromium asks every page's origin for one
        await RegisterConnectorAsync();
        _context = await chromium.NewContextAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed && _context.Pages is [.., var page])
        {
            await Screenshots.TakeAsync(page, "form-post-failure", forDocs: false);
        }

        await _context.DisposeAsync();
        await _host.DisposeAsync();
        _provider.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task FormPostAcrossSites_IsRelayedOnce_SignsIn_WithTheNameFromUser_AndASecondSignInKeepsIt()
    {
        var page = await _context.NewPageAsync();
        var callbacks = new List<IRequest>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.StartsWith(_host.Origin + "/callback/", StringComparison.Ordinal))
            {
                callbacks.Add(request);
            }
        };

        await page.GotoAsync($"{_host.Origin}/sign-in/{ConnectorId}");

        await Expect(page).ToHaveURLAsync(_host.Origin + "/account");
        await Expect(page.GetByText("Ada", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal(2, callbacks.Count);
        var (crossSite, relayed) = (callbacks[0], callbacks[1]);
        Assert.Equal(ProviderOrigin, await crossSite.HeaderValueAsync("origin"));
        Assert.DoesNotContain("connectors.binding=", await crossSite.HeaderValueAsync("cookie") ?? "", StringComparison.Ordinal);
        Assert.Equal(200, (await crossSite.ResponseAsync())!.Status); // the relay page
        Assert.Contains("connectors.binding=", await relayed.HeaderValueAsync("cookie") ?? "", StringComparison.Ordinal);
        Assert.Contains("connectors_relayed=1", relayed.PostData, StringComparison.Ordinal);
        Assert.Equal(302, (await relayed.ResponseAsync())!.Status);

        // Apple posts the name on the first authorization only: the second sign-in brings none, and the name stays.
        callbacks.Clear();
        await page.GotoAsync($"{_host.Origin}/sign-in/{ConnectorId}");

        await Expect(page).ToHaveURLAsync(_host.Origin + "/account");
        await Expect(page.GetByText("Ada", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal(2, _authorizations);
        Assert.Equal(2, callbacks.Count);
        Assert.DoesNotContain("user=", callbacks[0].PostData, StringComparison.Ordinal);
        Assert.Equal("Ada", Assert.Single(await _database.QueryAsync<string>("SELECT name FROM users")));
    }

    /// <summary>
    /// What Apple's authorize step ends with for <c>response_mode=form_post</c>: a page whose form posts the answer to the
    /// redirect URI at once. Only a form_post request gets it.
    /// </summary>
    private static string AuthorizePage(string redirectUri, string state, string responseMode, string? user)
    {
        if (responseMode != "form_post")
        {
            return "<!DOCTYPE html><title>Refused</title><p>This provider answers by form post only.</p>";
        }

        var fields = new StringBuilder();
        foreach (var (name, value) in new[] { ("code", FakeProvider.Code), ("state", state), ("user", user) })
        {
            if (value is not null)
            {
                fields.Append(System.Globalization.CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{name}\" value=\"{WebUtility.HtmlEncode(value)}\">");
            }
        }

        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Signing in</title></head>
            <body onload="document.forms[0].submit()">
            <form method="post" action="{WebUtility.HtmlEncode(redirectUri)}">{fields}<button>Continue</button></form>
            </body></html>
            """;
    }

    private async Task RegisterConnectorAsync()
    {
        var body = new JsonObject
        {
            ["id"] = ConnectorId,
            ["name"] = "Apple",
            ["syncProfile"] = true,
            ["config"] = new JsonObject
            {
                ["authorizationEndpoint"] = ProviderOrigin + FakeProvider.AuthorizePath,
                ["tokenEndpoint"] = ProviderOrigin + FakeProvider.TokenPath,
                ["userInfoEndpoint"] = ProviderOrigin + FakeProvider.UserInfoPath,
                ["clientId"] = "com.example.signin",
                ["clientSecret"] = "apple-client-secret",
                ["scope"] = "name email",
                ["responseMode"] = "form_post",
                ["profileMap"] = new JsonObject { ["id"] = "sub", ["name"] = "name|user.name.firstName", ["email"] = "email|user.email" },
            },
        };
        await _host.RegisterConnectorAsync(body);
    }
}
