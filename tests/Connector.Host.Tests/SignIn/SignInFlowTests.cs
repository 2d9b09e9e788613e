using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using Dapper;

namespace Connector.Host.Tests.SignIn;

public sealed class SignInFlowTests : IAsyncLifetime
{
    private const string Profile = """{"sub":"user-42","name":"Ada Lovelace","email":"ada@example.com","picture":"https://cdn.example/ada.png"}""";
    private SignInHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await SignInHost.StartAsync(new Dictionary<string, string?> { ["Connectors:AllowedReturnUrls:0"] = "https://app.example.com" });
        await _host.CreateConnectorAsync(profileMap: new() { ["id"] = "sub", ["avatar"] = "picture" });
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task SignInPage_ShowsAContinueButtonPerEnabledConnector()
    {
        await _host.CreateConnectorAsync("off", "Switched Off", enabled: false);
        using var browser = _host.NewBrowser();

        using var response = await browser.GetAsync("/sign-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Continue with Acme", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/sign-in/acme\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Switched Off", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RedirectsToTheProviderWithStatePkceAndOurCallback()
    {
        using var browser = _host.NewBrowser();

        var url = await browser.StartAsync(SignInHost.ConnectorId);

        Assert.StartsWith(_host.Upstream.Url + "/authorize?", url.AbsoluteUri, StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("acme-client", query["client_id"]);
        Assert.Equal("http://localhost/callback/acme", query["redirect_uri"]);
        Assert.Equal("openid profile", query["scope"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.True(Convert.FromBase64String(Base64(query["state"]!)).Length >= 16, "state carries at least 128 bits");
        await using var connection = await _host.Database.OpenAsync();
        var stored = await connection.QuerySingleAsync<byte[]>("SELECT state_hash FROM sign_in_states");
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(query["state"]!)), stored); // only the digest is stored
    }

    [Fact]
    public async Task FirstSignIn_CreatesUserAndIdentity_StartsASession_AndShowsTheAccount()
    {
        _host.Upstream.SignsIn(Profile);
        using var browser = _host.NewBrowser();

        var authorizationUrl = await browser.StartAsync(SignInHost.ConnectorId);
        using var callback = await browser.GetAsync(await Browser.AtProviderAsync(authorizationUrl));

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/account", callback.Headers.Location!.OriginalString);
        var challenge = HttpUtility.ParseQueryString(authorizationUrl.Query)["code_challenge"];
        var form = _host.Upstream.TokenForm();
        Assert.Equal(FakeProvider.Code, form["code"]);
        Assert.Equal("http://localhost/callback/acme", form["redirect_uri"]);
        Assert.Equal(challenge, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"]))));
        var session = callback.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("connectors.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);

        using var account = await browser.GetAsync("/account");
        var html = await account.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Ada Lovelace", html, StringComparison.Ordinal);
        Assert.Contains("Signed in with Acme", html, StringComparison.Ordinal);
        Assert.Equal(1, await _host.CountAsync("users"));
        Assert.Equal(1, await _host.CountAsync("user_identities"));
        Assert.Equal(["success"], await _host.AuditOutcomesAsync());
        await using var connection = await _host.Database.OpenAsync();
        var user = await connection.QuerySingleAsync<(string Name, string Email, string Avatar)>("SELECT name, email, avatar FROM users");
        Assert.Equal(("Ada Lovelace", "ada@example.com", "https://cdn.example/ada.png"), user);
    }

    [Fact]
    public async Task LaterSignIn_UpdatesTheIdentityProfileAndReturnsTheSameUser()
    {
        _host.Upstream.SignsIn(Profile);
        using (var first = _host.NewBrowser())
        {
            await first.SignInAsync(SignInHost.ConnectorId);
        }

        _host.Upstream.SignsIn("""{"sub":"user-42","name":"Ada King","email":"ada@example.com"}""");
        using var second = _host.NewBrowser();
        using var response = await second.SignInAsync(SignInHost.ConnectorId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await _host.CountAsync("users"));
        await using var connection = await _host.Database.OpenAsync();
        var name = await connection.QuerySingleAsync<string>("SELECT profile->>'name' FROM user_identities WHERE subject = 'user-42'");
        Assert.Equal("Ada King", name);
        var raw = await connection.QuerySingleAsync<string>("SELECT raw_profile->>'name' FROM user_identities");
        Assert.Equal("Ada King", raw);
    }

    [Fact]
    public async Task LaterSignIn_WithAnUnchangedProfile_LeavesTheIdentityRowAlone()
    {
        _host.Upstream.SignsIn(Profile);
        using (var first = _host.NewBrowser())
        {
            await first.SignInAsync(SignInHost.ConnectorId);
        }

        await using var connection = await _host.Database.OpenAsync();
        var before = await connection.QuerySingleAsync<DateTime>("SELECT updated_at FROM user_identities");
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        using var second = _host.NewBrowser();

        using var response = await second.SignInAsync(SignInHost.ConnectorId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, await connection.QuerySingleAsync<DateTime>("SELECT updated_at FROM user_identities"));
        Assert.Equal(["success", "success"], await _host.AuditOutcomesAsync());
    }

    [Theory]
    [InlineData("/welcome?tab=1", "/welcome?tab=1")]
    [InlineData("https://app.example.com/after", "https://app.example.com/after")]
    [InlineData("https://evil.example/steal", "/account")]
    [InlineData("//evil.example/steal", "/account")]
    [InlineData("/\\evil.example", "/account")]
    [InlineData("javascript:alert(1)", "/account")]
    public async Task Callback_RedirectsOnlyToLocalPathsOrAllowedOrigins(string returnTo, string expected)
    {
        _host.Upstream.SignsIn(Profile);
        using var browser = _host.NewBrowser();

        using var response = await browser.SignInAsync(SignInHost.ConnectorId, returnTo);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Account_WithoutASession_SendsTheBrowserToSignIn()
    {
        using var browser = _host.NewBrowser();

        using var response = await browser.GetAsync("/account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", response.Headers.Location!.OriginalString);
    }

    private static string Base64(string base64Url) =>
        base64Url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - base64Url.Length % 4) % 4);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
