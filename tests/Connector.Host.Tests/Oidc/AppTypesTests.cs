using System.Net;
using Connector.Host.Tests.Infrastructure;
using Dapper;

namespace Connector.Host.Tests.Oidc;

/// <summary>
/// Logto's app types: <c>traditional</c> (confidential; PKCE verified when sent, required on request), <c>spa</c>
/// and <c>native</c> (public: no secret, <c>none</c> authentication, PKCE always; CORS for spa; RFC 8252 redirects
/// for native).
/// </summary>
public sealed class AppTypesTests : IAsyncLifetime
{
    private const string SpaOrigin = "https://spa.example.com";
    private const string SpaRedirect = "https://spa.example.com/callback";

    private OidcWorld _world = null!;

    private static CancellationToken Ct => OidcWorld.Ct;

    public async ValueTask InitializeAsync() => _world = await OidcWorld.StartAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Traditional_WithoutPkce_CompletesTheCodeFlow_AsNextAuthV4Does()
    {
        var app = await _world.CreateAppAsync();
        using var browser = _world.Host.NewBrowser();

        var code = await OidcWorld.AuthorizeAsync(browser, app, pkce: null);
        using var response = await _world.TokenAsync(app, OidcWorld.CodeGrant(app, code));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = await response.ReadJsonAsync();
        Assert.True((await _world.ValidateIdTokenAsync(tokens["id_token"]!.GetValue<string>(), app)).IsValid);
    }

    [Fact]
    public async Task Traditional_WithPkce_RefusesAWrongVerifier_AsInvalidGrant()
    {
        var app = await _world.CreateAppAsync();
        using var browser = _world.Host.NewBrowser();
        var code = await OidcWorld.AuthorizeAsync(browser, app, Pkce.Create());

        using var response = await _world.RedeemAsync(app, code, Pkce.Create());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }

    [Fact]
    public async Task Traditional_WithPkceSentAtAuthorization_RefusesARedemptionWithoutTheVerifier()
    {
        var app = await _world.CreateAppAsync();
        using var browser = _world.Host.NewBrowser();
        var code = await OidcWorld.AuthorizeAsync(browser, app, Pkce.Create());

        using var response = await _world.TokenAsync(app, OidcWorld.CodeGrant(app, code));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }

    [Fact]
    public async Task Traditional_WithRequirePkce_RefusesARequestWithoutAChallenge()
    {
        var app = await _world.CreateAppAsync("\"requirePkce\": true");
        using var browser = _world.Host.NewBrowser();

        using var response = await browser.GetAsync(OidcWorld.AuthorizePath(app, pkce: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("invalid_request", html, StringComparison.Ordinal);
        Assert.Contains("code_challenge", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spa_CompletesTheFlowWithPkceAndNoSecret_AndItsRefreshTokensRotate()
    {
        var app = await CreateSpaAsync();
        using var browser = _world.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, app, pkce);

        using var redeemed = await _world.PublicTokenAsync(app, OidcWorld.CodeGrant(app, code, pkce));
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        var tokens = await redeemed.ReadJsonAsync();
        Assert.True((await _world.ValidateIdTokenAsync(tokens["id_token"]!.GetValue<string>(), app)).IsValid);
        var first = tokens["refresh_token"]!.GetValue<string>();

        using var refreshed = await _world.PublicTokenAsync(app, Refresh(first));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = (await refreshed.ReadJsonAsync())["refresh_token"]!.GetValue<string>();
        Assert.NotEqual(first, second);

        using var replayed = await _world.PublicTokenAsync(app, Refresh(first));
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(replayed)).Error);
    }

    [Fact]
    public async Task Spa_WithoutAChallenge_IsRefused()
    {
        var app = await CreateSpaAsync();
        using var browser = _world.Host.NewBrowser();

        using var response = await browser.GetAsync(OidcWorld.AuthorizePath(app, pkce: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("code_challenge", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/oidc/token", "POST")]
    [InlineData("/oidc/me", "GET")]
    [InlineData("/oidc/.well-known/openid-configuration", "GET")]
    [InlineData("/oidc/jwks", "GET")]
    public async Task Spa_CorsPreflightFromItsOrigin_Passes(string path, string method)
    {
        await CreateSpaAsync();

        using var response = await PreflightAsync(path, method, SpaOrigin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(SpaOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains(method, Header(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Contains("authorization", Header(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://spa.example.com:8443")]
    [InlineData("http://spa.example.com")]
    public async Task Spa_CorsPreflightFromAnotherOrigin_GetsNoCorsHeaders(string origin)
    {
        await CreateSpaAsync();

        using var response = await PreflightAsync("/oidc/token", "POST", origin);

        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_IsNotAnsweredForATraditionalAppsRedirectOrigin_NorOnOtherPaths()
    {
        await _world.CreateAppAsync();
        await CreateSpaAsync();

        using var traditional = await PreflightAsync("/oidc/token", "POST", "http://localhost:3000");
        using var admin = await PreflightAsync("/api/apps", "GET", SpaOrigin);
        using var signIn = await PreflightAsync("/oidc/auth", "GET", SpaOrigin);

        Assert.Null(Header(traditional, "Access-Control-Allow-Origin"));
        Assert.Null(Header(admin, "Access-Control-Allow-Origin"));
        Assert.Null(Header(signIn, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Spa_TokenAnswerToItsOrigin_CarriesTheCorsHeader()
    {
        var app = await CreateSpaAsync();
        using var browser = _world.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, app, pkce);

        using var response = await _world.PublicTokenAsync(app, OidcWorld.CodeGrant(app, code, pkce), origin: SpaOrigin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SpaOrigin, Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Native_RedirectsToAPrivateUseScheme()
    {
        var app = await CreateNativeAsync();
        using var browser = _world.Host.NewBrowser();
        var pkce = Pkce.Create();

        var code = await OidcWorld.AuthorizeAsync(browser, app, pkce, redirectUri: "com.example.app:/callback");
        using var response = await _world.PublicTokenAsync(app, OidcWorld.CodeGrant(app, code, pkce, redirectUri: "com.example.app:/callback"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(51234)]
    [InlineData(8080)]
    public async Task Native_AcceptsItsLoopbackRedirectOnAnyPort(int port)
    {
        var app = await CreateNativeAsync();
        using var browser = _world.Host.NewBrowser();
        var pkce = Pkce.Create();
        var redirectUri = $"http://127.0.0.1:{port}/cb";

        var code = await OidcWorld.AuthorizeAsync(browser, app, pkce, redirectUri: redirectUri);
        using var response = await _world.PublicTokenAsync(app, OidcWorld.CodeGrant(app, code, pkce, redirectUri: redirectUri));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:51234/other")]
    [InlineData("com.example.other:/callback")]
    [InlineData("http://192.0.2.1:51234/cb")]
    public async Task Native_RefusesRedirectsItDidNotRegister(string redirectUri)
    {
        var app = await CreateNativeAsync();
        using var browser = _world.Host.NewBrowser();

        using var response = await browser.GetAsync(OidcWorld.AuthorizePath(app, Pkce.Create(), redirectUri: redirectUri));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task TraditionalApps_DoNotGetTheLoopbackAnyPortRule()
    {
        var app = await _world.CreateAppAsync(redirectUri: "http://127.0.0.1/cb");
        using var browser = _world.Host.NewBrowser();

        using var response = await browser.GetAsync(OidcWorld.AuthorizePath(app, Pkce.Create(), redirectUri: "http://127.0.0.1:51234/cb"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("spa")]
    [InlineData("native")]
    public async Task PublicApps_NeverObtainASecret(string type)
    {
        var app = type == "spa" ? await CreateSpaAsync() : await CreateNativeAsync();

        using var read = await _world.Host.Admin.GetAsync($"/api/apps/{app.Id}", Ct);
        using var rotate = await _world.Host.Admin.PostAsync($"/api/apps/{app.Id}/rotate-secret", null, Ct);
        using var retype = await _world.Host.Admin.PatchAsync($"/api/apps/{app.Id}", HttpJson.Body("""{ "type": "traditional" }"""), Ct);

        Assert.Equal("", app.ClientSecret);
        var body = await read.ReadJsonAsync();
        Assert.Equal(type, body["type"]!.GetValue<string>());
        Assert.True(body["requirePkce"]!.GetValue<bool>());
        Assert.Null(body["clientSecret"]);
        Assert.Equal(["unsupported_value"], (await rotate.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).CodesFor("type"));
        Assert.Equal(["read_only"], (await retype.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).CodesFor("type"));
        await using var connection = await _world.Host.Database.OpenAsync();
        Assert.Null(await connection.QuerySingleAsync<string?>("SELECT client_secret FROM oidc_applications WHERE client_id = @ClientId", new { app.ClientId }));
    }

    [Fact]
    public async Task PublicApp_PresentingASecret_IsInvalidClient()
    {
        var app = await CreateSpaAsync();
        using var browser = _world.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, app, pkce);

        using var response = await _world.PublicTokenAsync(app, new Dictionary<string, string>(OidcWorld.CodeGrant(app, code, pkce)) { ["client_secret"] = "made-up" });

        Assert.Equal("invalid_client", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }

    [Fact]
    public async Task ConfidentialApp_WithoutItsSecret_IsInvalidClient()
    {
        var app = await _world.CreateAppAsync();
        using var browser = _world.Host.NewBrowser();
        var code = await OidcWorld.AuthorizeAsync(browser, app, pkce: null);

        using var response = await _world.PublicTokenAsync(app, OidcWorld.CodeGrant(app, code));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }

    [Fact]
    public async Task Answers_CarryTheIssuerAndTheOpenIdConfigurationEndpoint_ThatDiscoveryConfirms()
    {
        var app = await _world.CreateAppAsync();

        var body = await (await _world.Host.Admin.GetAsync($"/api/apps/{app.Id}", Ct)).ReadJsonAsync();
        var configuration = body["openidConfiguration"]!.GetValue<string>();
        using var client = _world.Client();
        var metadata = await (await client.GetAsync(new Uri(configuration).PathAndQuery, Ct)).ReadJsonAsync();

        Assert.Equal(OidcWorld.Issuer, body["issuer"]!.GetValue<string>());
        Assert.Equal(OidcWorld.Issuer + "/.well-known/openid-configuration", configuration);
        Assert.Equal(OidcWorld.Issuer, metadata["issuer"]!.GetValue<string>());
        Assert.Equal("traditional", body["type"]!.GetValue<string>());
        Assert.False(body["requirePkce"]!.GetValue<bool>());
        Assert.Empty(body["corsOrigins"]!.AsArray());
    }

    [Fact]
    public async Task Discovery_AdvertisesNone_BesideTheSecretMethods()
    {
        using var client = _world.Client();

        var metadata = await (await client.GetAsync("/oidc/.well-known/openid-configuration", Ct)).ReadJsonAsync();

        Assert.Equal(["client_secret_basic", "client_secret_post", "none"],
            metadata["token_endpoint_auth_methods_supported"]!.AsArray().Select(method => method!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Create_WithFieldsThatDoNotFitTheType_ReportsEachWithItsCode()
    {
        using var response = await _world.Host.Admin.PostAsync("/api/apps", HttpJson.Body("""
            { "name": "x", "type": "desktop", "redirectUris": ["com.example.app:/cb"] }
            """), Ct);
        using var traditional = await _world.Host.Admin.PostAsync("/api/apps", HttpJson.Body("""
            { "name": "x", "redirectUris": ["com.example.app:/cb"], "corsOrigins": ["https://app.example.com"] }
            """), Ct);
        using var native = await _world.Host.Admin.PostAsync("/api/apps", HttpJson.Body("""
            { "name": "x", "type": "native", "redirectUris": ["javascript:alert(1)", "myapp:/cb", "http://app.example.com/cb"], "requirePkce": false }
            """), Ct);
        using var spa = await _world.Host.Admin.PostAsync("/api/apps", HttpJson.Body("""
            { "name": "x", "type": "spa", "redirectUris": ["https://app.example.com/cb"],
              "corsOrigins": ["https://app.example.com/path", "http://app.example.com", "https://ok.example", "https://OK.example"] }
            """), Ct);

        Assert.Equal(["one_of"], (await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).CodesFor("type"));
        var traditionalProblem = await traditional.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["invalid_url"], traditionalProblem.CodesFor("redirectUris.0"));
        Assert.Equal(["unsupported_value"], traditionalProblem.CodesFor("corsOrigins"));
        var nativeProblem = await native.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["invalid_url"], nativeProblem.CodesFor("redirectUris.0"));
        Assert.Equal(["invalid_url"], nativeProblem.CodesFor("redirectUris.1"));
        Assert.Equal(["insecure_url"], nativeProblem.CodesFor("redirectUris.2"));
        Assert.Equal(["unsupported_value"], nativeProblem.CodesFor("requirePkce"));
        var spaProblem = await spa.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["invalid_url"], spaProblem.CodesFor("corsOrigins.0"));
        Assert.Equal(["insecure_url"], spaProblem.CodesFor("corsOrigins.1"));
        Assert.Equal(["duplicate"], spaProblem.CodesFor("corsOrigins.3"));
    }

    [Fact]
    public async Task Patch_TurnsRequirePkceOnForATraditionalApp_AndTheAuditNamesTheField()
    {
        var app = await _world.CreateAppAsync();

        using var patched = await _world.Host.Admin.PatchAsync($"/api/apps/{app.Id}", HttpJson.Body("""{ "requirePkce": true }"""), Ct);
        using var browser = _world.Host.NewBrowser();
        using var refused = await browser.GetAsync(OidcWorld.AuthorizePath(app, pkce: null));

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.True((await patched.ReadJsonAsync())["requirePkce"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await using var connection = await _world.Host.Database.OpenAsync();
        var details = await connection.QuerySingleAsync<string>("SELECT details::text FROM audit_events WHERE action = 'app.updated'");
        Assert.Contains("requirePkce", details, StringComparison.Ordinal);
    }

    private async Task<OidcApp> CreateSpaAsync() =>
        await CreateAsync($$"""{ "name": "Browser app", "type": "spa", "redirectUris": ["{{SpaRedirect}}"], "corsOrigins": ["{{SpaOrigin}}"] }""", SpaRedirect);

    private async Task<OidcApp> CreateNativeAsync() =>
        await CreateAsync("""{ "name": "Phone app", "type": "native", "redirectUris": ["com.example.app:/callback", "http://127.0.0.1/cb"] }""", "com.example.app:/callback");

    private async Task<OidcApp> CreateAsync(string json, string redirectUri)
    {
        using var response = await _world.Host.Admin.PostAsync("/api/apps", HttpJson.Body(json), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Null(body["clientSecret"]);
        return new OidcApp(body["id"]!.GetValue<string>(), body["clientId"]!.GetValue<string>(), "", redirectUri);
    }

    private async Task<HttpResponseMessage> PreflightAsync(string path, string method, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        using var client = _world.Client();
        return await client.SendAsync(request, Ct);
    }

    private static Dictionary<string, string> Refresh(string token) => new() { ["grant_type"] = "refresh_token", ["refresh_token"] = token };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
