using System.Net;
using System.Web;
using Connector.Host.Tests.Infrastructure;
using Dapper;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Connector.Host.Tests.Oidc;

/// <summary>The authorization-code flow an app runs against /oidc, through our real sign-in (docs/oidc.md).</summary>
public sealed class CodeFlowTests : IAsyncLifetime
{
    private OidcWorld _world = null!;
    private OidcApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await OidcWorld.StartAsync();
        _app = await _world.CreateAppAsync();
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Discovery_ListsLogtoPaths_S256Only_AndTheClientAuthenticationMethods()
    {
        using var client = _world.Client();

        var metadata = await (await client.GetAsync("/oidc/.well-known/openid-configuration", Ct)).ReadJsonAsync();

        Assert.Equal(OidcWorld.Issuer, metadata["issuer"]!.GetValue<string>());
        Assert.Equal("http://localhost/oidc/auth", metadata["authorization_endpoint"]!.GetValue<string>());
        Assert.Equal("http://localhost/oidc/token", metadata["token_endpoint"]!.GetValue<string>());
        Assert.Equal("http://localhost/oidc/me", metadata["userinfo_endpoint"]!.GetValue<string>());
        Assert.Equal("http://localhost/oidc/jwks", metadata["jwks_uri"]!.GetValue<string>());
        Assert.Equal("http://localhost/oidc/session/end", metadata["end_session_endpoint"]!.GetValue<string>());
        Assert.Equal(["S256"], Strings(metadata["code_challenge_methods_supported"]));
        Assert.Equal(["client_secret_basic", "client_secret_post", "none"], Strings(metadata["token_endpoint_auth_methods_supported"]).Order());
        Assert.Equal("ES384", Strings(metadata["id_token_signing_alg_values_supported"])[0]);
        Assert.Equal(["authorization_code", "refresh_token"], Strings(metadata["grant_types_supported"]).Order());
    }

    [Fact]
    public async Task Authorize_WithoutASession_SendsTheBrowserToOurSignInPage_WithTheRequestAsReturnTarget()
    {
        using var browser = _world.Host.NewBrowser();
        var path = OidcWorld.AuthorizePath(_app, Pkce.Create());

        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in?returnTo=" + Uri.EscapeDataString(path), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CodeFlow_ThroughOurSignIn_IssuesAnEs384IdTokenWithTheUserAndTheUpstreamProfile()
    {
        var tokens = await _world.SignInAndRedeemAsync(_app);

        var idToken = tokens["id_token"]!.GetValue<string>();
        var validation = await _world.ValidateIdTokenAsync(idToken, _app);
        Assert.True(validation.IsValid, validation.Exception?.ToString());
        var jwt = new JsonWebToken(idToken);
        Assert.Equal("ES384", jwt.Alg);
        await using var connection = await _world.Host.Database.OpenAsync();
        var userId = await connection.QuerySingleAsync<Guid>("SELECT user_id FROM user_identities WHERE subject = 'upstream-7'");
        Assert.Equal(userId.ToString(), jwt.Subject);
        Assert.Equal("Ada Lovelace", jwt.GetClaim("name").Value);
        Assert.Equal("https://cdn.example/ada.png", jwt.GetClaim("picture").Value);
        Assert.Equal("ada@example.com", jwt.GetClaim("email").Value);
        Assert.Equal("n-1", jwt.GetClaim("nonce").Value);
        Assert.Equal("Bearer", tokens["token_type"]!.GetValue<string>());
        Assert.NotNull(tokens["refresh_token"]);
    }

    [Fact]
    public async Task Authorize_WithASession_IssuesTheCodeAtOnce()
    {
        using var browser = _world.Host.NewBrowser();
        await OidcWorld.AuthorizeAsync(browser, _app, Pkce.Create());

        using var again = await browser.GetAsync(OidcWorld.AuthorizePath(_app, Pkce.Create()));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith(_app.RedirectUri + "?code=", again.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfflineAccess_YieldsARefreshToken_WithoutPromptConsent_AndWithoutItNone()
    {
        var withOffline = await _world.SignInAndRedeemAsync(_app, "openid profile offline_access");
        var without = await _world.SignInAndRedeemAsync(_app, "openid profile");

        Assert.NotNull(withOffline["refresh_token"]);
        Assert.Null(without["refresh_token"]);
    }

    [Fact]
    public async Task Token_WithClientSecretPost_IsAcceptedToo()
    {
        using var browser = _world.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, _app, pkce);
        using var client = _world.Client();

        using var response = await client.PostAsync("/oidc/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = _app.RedirectUri,
            ["code_verifier"] = pkce.Verifier,
            ["client_id"] = _app.ClientId,
            ["client_secret"] = _app.ClientSecret,
        }), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // OpenIddict checks the PKCE parameters before it has validated the redirect URI, so these requests are
    // refused on our error page rather than at the app: never a code, never a redirect to an unchecked URI.
    // (A request without any challenge is refused only for apps that require PKCE: AppTypesTests.)
    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    public async Task Authorize_WithAChallengeButNotS256_IsRefusedWithInvalidRequest(string method)
    {
        using var browser = _world.Host.NewBrowser();
        var path = OidcWorld.AuthorizePath(_app, Pkce.Create()).Replace("&code_challenge_method=S256", method.Length == 0 ? "" : "&code_challenge_method=" + method, StringComparison.Ordinal);

        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WithPromptNoneAndNoSession_AnswersLoginRequired_WithoutShowingAPage()
    {
        using var browser = _world.Host.NewBrowser();

        using var response = await browser.GetAsync(OidcWorld.AuthorizePath(_app, Pkce.Create()) + "&prompt=none");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("login_required", HttpUtility.ParseQueryString(response.Headers.Location!.Query)["error"]);
    }

    [Fact]
    public async Task Authorize_WithPromptLogin_SendsASignedInUserToSignInAgain_ResumingWithAFreshnessMarker()
    {
        using var browser = _world.Host.NewBrowser();
        await OidcWorld.AuthorizeAsync(browser, _app, Pkce.Create());
        var path = OidcWorld.AuthorizePath(_app, Pkce.Create());

        using var response = await browser.GetAsync(path + "&prompt=login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var returnTo = HttpUtility.ParseQueryString(response.Headers.Location!.OriginalString.Split('?', 2)[1])["returnTo"]!;
        Assert.StartsWith("/oidc/auth?", returnTo, StringComparison.Ordinal);
        var resumed = HttpUtility.ParseQueryString(returnTo.Split('?', 2)[1]);
        Assert.Equal("login", resumed["prompt"]);
        Assert.False(string.IsNullOrEmpty(resumed["login_after"]));
        Assert.Equal(_app.ClientId, resumed["client_id"]);
    }

    [Fact]
    public async Task NoCodeVerifierTokenOrSecret_EverReachesTheLogs()
    {
        using var browser = _world.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, _app, pkce);
        using var redeemed = await _world.RedeemAsync(_app, code, pkce);
        var tokens = await redeemed.ReadJsonAsync();
        using var refreshed = await _world.RefreshAsync(_app, tokens["refresh_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);

        var logs = _world.Factory.Logs.AllText;
        string[] secrets = [pkce.Verifier, code, _app.ClientSecret, tokens["access_token"]!.GetValue<string>(),
            tokens["refresh_token"]!.GetValue<string>(), tokens["id_token"]!.GetValue<string>()];
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, logs, StringComparison.Ordinal));
    }

    private static string[] Strings(System.Text.Json.Nodes.JsonNode? array) =>
        [.. array!.AsArray().Select(item => item!.GetValue<string>())];
}
