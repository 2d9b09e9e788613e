using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Hardening;

/// <summary>
/// SSRF: outside <c>AllowInsecureEndpoints</c>, provider calls reach public https addresses only. The admin API warns at
/// save time (<c>forbidden_address</c>); the outbound client refuses at call time, which is the guard that counts.
/// </summary>
public sealed class OutboundGuardTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Secure = new() { ["Connectors:AllowInsecureEndpoints"] = "false" };

    private TestDatabase _database = null!;
    private HostFactory _secure = null!;
    private HttpClient _admin = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _secure = new HostFactory(_database.ConnectionString, Secure);
        _admin = _secure.CreateAdminClient();
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _secure.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("https://127.0.0.1/token")]
    [InlineData("https://localhost/token")]
    [InlineData("https://10.1.2.3/token")]
    [InlineData("https://172.20.0.1/token")]
    [InlineData("https://192.168.1.10/token")]
    [InlineData("https://100.64.0.1/token")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/token")]
    [InlineData("https://[fd00:ec2::254]/token")]
    [InlineData("https://[fe80::1]/token")]
    [InlineData("https://[::ffff:10.0.0.1]/token")]
    [InlineData("https://0.0.0.0/token")]
    public async Task Create_WithATokenEndpointOnAForbiddenAddress_IsRefusedAsForbiddenAddress(string tokenEndpoint)
    {
        using var response = await _admin.PostAsync("/api/connectors", HttpJson.Body(Connector(tokenEndpoint: tokenEndpoint).ToJsonString()), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["forbidden_address"], problem.CodesFor("config.tokenEndpoint"));
    }

    [Fact]
    public async Task Create_WithUserInfoAndEmailLookupOnLoopback_NamesEachField()
    {
        var body = Connector(userInfoEndpoint: "https://localhost/userinfo");
        body["config"]!["emailLookup"] = new JsonObject { ["endpoint"] = "https://127.0.0.2/emails" };

        using var response = await _admin.PostAsync("/api/connectors", HttpJson.Body(body.ToJsonString()), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["forbidden_address"], problem.CodesFor("config.userInfoEndpoint"));
        Assert.Equal(["forbidden_address"], problem.CodesFor("config.emailLookup.endpoint"));
        Assert.Empty(problem.CodesFor("config.tokenEndpoint"));
    }

    [Fact]
    public async Task Create_WithPublicAddresses_IsAccepted_AndTheBrowserOnlyAuthorizationEndpointIsNotJudged()
    {
        // Only the server calls the token and userinfo endpoints; the authorization endpoint is visited by the browser.
        var body = Connector(authorizationEndpoint: "https://10.0.0.1/authorize");

        using var response = await _admin.PostAsync("/api/connectors", HttpJson.Body(body.ToJsonString()), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Patch_MovingTheTokenEndpointToLoopback_IsRefused()
    {
        using var created = await _admin.PostAsync("/api/connectors", HttpJson.Body(Connector().ToJsonString()), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var response = await _admin.PatchAsync("/api/connectors/guarded",
            HttpJson.Body("""{"config":{"tokenEndpoint":"https://127.0.0.1:8443/token"}}""", "application/merge-patch+json"), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["forbidden_address"], problem.CodesFor("config.tokenEndpoint"));
    }

    [Fact]
    public async Task SignIn_ThroughAConnectorSavedWhileInsecureEndpointsWereOn_NeverCallsTheLoopbackTokenEndpoint()
    {
        // Saved by an instance that allowed local endpoints (so no save-time check ran), used by one that does not:
        // as with DNS rebinding, only the call-time guard stands between the host and the loopback service.
        using var upstream = new FakeProvider();
        var port = new Uri(upstream.Url).Port;
        await using (var lenient = new HostFactory(_database.ConnectionString))
        {
            using var admin = lenient.CreateAdminClient();
            var body = Connector(authorizationEndpoint: upstream.Url + "/authorize",
                tokenEndpoint: $"https://localhost:{port}/token", userInfoEndpoint: $"https://localhost:{port}/userinfo");
            using var created = await admin.PostAsync("/api/connectors", HttpJson.Body(body.ToJsonString()), Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var started = await _admin.PostAsync("/api/connectors/guarded/test", null, Ct);
        var url = new Uri((await started.ReadJsonAsync())["authorizationUrl"]!.GetValue<string>());
        using var browser = _secure.NewBrowser();
        using var page = await browser.GetAsync(await Browser.AtProviderAsync(url));
        var html = await page.Content.ReadAsStringAsync(Ct);

        Assert.Contains("token_exchange_failed", html, StringComparison.Ordinal);
        Assert.Contains("was not called", html, StringComparison.Ordinal);
        Assert.Contains("loopback", html, StringComparison.Ordinal);
        Assert.Empty(upstream.Requests("/token"));
    }

    [Fact]
    public async Task Discovery_OfALoopbackIssuer_IsRefusedBeforeAnyRequest()
    {
        using var upstream = new FakeProvider();
        var port = new Uri(upstream.Url).Port;

        using var response = await _admin.PostAsync("/api/connectors/discover",
            HttpJson.Body($$"""{"url":"https://localhost:{{port}}/.well-known/openid-configuration"}"""), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadGateway, "provider_error");
        Assert.Contains("loopback", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(upstream.Requests("/.well-known/openid-configuration"));
    }

    [Fact]
    public async Task Discovery_OfTheMetadataAddress_IsRefused()
    {
        using var response = await _admin.PostAsync("/api/connectors/discover",
            HttpJson.Body("""{"issuer":"https://169.254.169.254"}"""), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadGateway, "provider_error");
        Assert.Contains("cloud metadata", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static JsonObject Connector(
        string authorizationEndpoint = "https://8.8.8.8/authorize",
        string tokenEndpoint = "https://8.8.8.8/token",
        string userInfoEndpoint = "https://8.8.4.4/userinfo") => new()
        {
            ["id"] = "guarded",
            ["name"] = "Guarded",
            ["config"] = new JsonObject
            {
                ["authorizationEndpoint"] = authorizationEndpoint,
                ["tokenEndpoint"] = tokenEndpoint,
                ["userInfoEndpoint"] = userInfoEndpoint,
                ["clientId"] = "client",
                ["clientSecret"] = "secret-value",
                ["profileMap"] = new JsonObject { ["id"] = "sub" },
            },
        };
}
