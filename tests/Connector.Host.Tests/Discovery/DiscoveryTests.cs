using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Discovery;

public sealed class DiscoveryTests(HostFixture host) : IClassFixture<HostFixture>, IDisposable
{
    private readonly FakeProvider _provider = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discover_WithIssuer_ReturnsAPrefilledConfigFromTheWellKnownDocument()
    {
        _provider.On("GET", OpenIdMetadata.WellKnown, FakeProvider.Json(OpenIdMetadata.For(_provider.Url)));

        var response = await DiscoverAsync($$"""{ "issuer": "{{_provider.Url}}/" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var config = body["config"]!;
        Assert.Equal($"{_provider.Url}/oauth2/authorize", config["authorizationEndpoint"]!.GetValue<string>());
        Assert.Equal($"{_provider.Url}/oauth2/token", config["tokenEndpoint"]!.GetValue<string>());
        Assert.Equal($"{_provider.Url}/oauth2/userinfo", config["userInfoEndpoint"]!.GetValue<string>());
        Assert.Equal("openid profile email", config["scope"]!.GetValue<string>());
        Assert.Equal("client_secret_post", config["tokenEndpointAuthMethod"]!.GetValue<string>());
        Assert.True(config["pkce"]!.GetValue<bool>());
        Assert.Equal("sub", config["profileMap"]!["id"]!.GetValue<string>());
        Assert.Empty(body["warnings"]!.AsArray());
        var request = Assert.Single(_provider.Requests()).RequestMessage!;
        Assert.Equal(OpenIdMetadata.WellKnown, request.Path);
        Assert.Contains("application/json", request.Headers!["Accept"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discover_ForAnOpenIdProvider_FillsIdTokenVerificationFromJwksUriAndIssuer()
    {
        _provider.On("GET", OpenIdMetadata.WellKnown, FakeProvider.Json(OpenIdMetadata.For(_provider.Url)));

        var config = (await (await DiscoverAsync($$"""{ "issuer": "{{_provider.Url}}" }""")).ReadJsonAsync())["config"]!;

        var rules = config["idTokenVerificationConfig"]!;
        Assert.Equal($"{_provider.Url}/oauth2/jwks", rules["jwksUri"]!.GetValue<string>());
        Assert.Equal(_provider.Url, rules["issuer"]!.GetValue<string>());
        Assert.Null(rules["algorithms"]);
    }

    [Fact]
    public async Task Discover_WhenTheProviderSignsIdTokensOnlyWithHmac_LeavesVerificationOutAndSaysWhy()
    {
        var metadata = OpenIdMetadata.For(_provider.Url).Replace("\"jwks_uri\"", "\"id_token_signing_alg_values_supported\": [\"HS256\"], \"jwks_uri\"", StringComparison.Ordinal);
        _provider.On("GET", OpenIdMetadata.WellKnown, FakeProvider.Json(metadata));

        var body = await (await DiscoverAsync($$"""{ "issuer": "{{_provider.Url}}" }""")).ReadJsonAsync();

        Assert.Null(body["config"]!["idTokenVerificationConfig"]);
        Assert.Contains(body["warnings"]!.AsArray(), warning => warning!.GetValue<string>().Contains("HS256", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Discover_WhenTheProviderOffersPrivateKeyJwtBesideASecretMethod_KeepsTheSecretMethod()
    {
        // The default metadata lists client_secret_post and private_key_jwt: the preference order is unchanged.
        _provider.On("GET", OpenIdMetadata.WellKnown, FakeProvider.Json(OpenIdMetadata.For(_provider.Url)));

        var body = await (await DiscoverAsync($$"""{ "issuer": "{{_provider.Url}}" }""")).ReadJsonAsync();

        Assert.Equal("client_secret_post", body["config"]!["tokenEndpointAuthMethod"]!.GetValue<string>());
    }

    [Fact]
    public async Task Discover_WhenTheProviderOffersOnlyPrivateKeyJwt_ProposesItAndSaysAKeyIsNeeded()
    {
        _provider.On("GET", OpenIdMetadata.WellKnown, FakeProvider.Json(OpenIdMetadata.For(_provider.Url, authMethods: """["private_key_jwt", "tls_client_auth"]""")));

        var body = await (await DiscoverAsync($$"""{ "issuer": "{{_provider.Url}}" }""")).ReadJsonAsync();

        Assert.Equal("private_key_jwt", body["config"]!["tokenEndpointAuthMethod"]!.GetValue<string>());
        Assert.Contains(body["warnings"]!.AsArray(), warning => warning!.GetValue<string>().Contains("clientAssertionKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Discover_WithUrl_ReadsThatDocument()
    {
        _provider.On("GET", "/tenant-1/v2.0/.well-known/openid-configuration", FakeProvider.Json(OpenIdMetadata.For(_provider.Url, authMethods: null)));

        var body = await (await DiscoverAsync($$"""{ "url": "{{_provider.Url}}/tenant-1/v2.0/.well-known/openid-configuration" }""")).ReadJsonAsync();

        // OpenID Connect Discovery §3: no token_endpoint_auth_methods_supported means client_secret_basic.
        Assert.Equal("client_secret_basic", body["config"]!["tokenEndpointAuthMethod"]!.GetValue<string>());
    }

    [Fact]
    public async Task Discover_ThenAddClientCredentials_CreatesAConnector()
    {
        _provider.On("GET", OpenIdMetadata.WellKnown, FakeProvider.Json(OpenIdMetadata.For(_provider.Url)));
        var config = (await (await DiscoverAsync($$"""{ "issuer": "{{_provider.Url}}" }""")).ReadJsonAsync())["config"]!.AsObject();
        config["clientId"] = "discovered-client";
        config["clientSecret"] = "discovered-secret";

        var created = await host.Admin.PostAsync("/api/connectors",
            HttpJson.Body(LogtoConfigs.Connector("discovered", "Discovered", config.ToJsonString())), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task Discover_WhenTheProviderAnswers500_Returns502ProviderError()
    {
        _provider.On("GET", OpenIdMetadata.WellKnown, FakeProvider.Json("""{ "error": "server_error" }""", 500));

        var problem = await (await DiscoverAsync($$"""{ "issuer": "{{_provider.Url}}" }"""))
            .AssertProblemAsync(HttpStatusCode.BadGateway, "provider_error");

        Assert.Equal(500, problem["providerStatus"]!.GetValue<int>());
    }

    [Fact]
    public async Task Discover_WhenTheProviderRedirects_DoesNotFollowAndReturns502()
    {
        _provider.On("GET", OpenIdMetadata.WellKnown, FakeProvider.Redirect("/elsewhere"));
        _provider.On("GET", "/elsewhere", FakeProvider.Json(OpenIdMetadata.For(_provider.Url)));

        await (await DiscoverAsync($$"""{ "issuer": "{{_provider.Url}}" }""")).AssertProblemAsync(HttpStatusCode.BadGateway, "provider_error");

        Assert.Single(_provider.Requests());
    }

    [Fact]
    public async Task Discover_WhenTheAnswerIsNotMetadata_Returns502()
    {
        _provider.On("GET", OpenIdMetadata.WellKnown, FakeProvider.Json("<html>login</html>"));

        await (await DiscoverAsync($$"""{ "issuer": "{{_provider.Url}}" }""")).AssertProblemAsync(HttpStatusCode.BadGateway, "provider_error");
    }

    [Theory]
    [InlineData("{}", "issuer", "one_of")]
    [InlineData("""{ "issuer": "https://a.example.com", "url": "https://b.example.com" }""", "issuer", "one_of")]
    [InlineData("""{ "issuer": "http://provider.example.com" }""", "issuer", "insecure_url")]
    [InlineData("""{ "url": "file:///etc/passwd" }""", "url", "invalid_url")]
    [InlineData("""{ "issuer": "https://a.example.com", "tenant": "x" }""", "tenant", "unknown_field")]
    public async Task Discover_WithBadInput_Returns400NamingTheField(string body, string field, string code)
    {
        var problem = await (await DiscoverAsync(body)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Contains(code, problem.CodesFor(field));
        Assert.Empty(_provider.Requests());
    }

    public void Dispose() => _provider.Dispose();

    private Task<HttpResponseMessage> DiscoverAsync(string body) =>
        host.Admin.PostAsync("/api/connectors/discover", HttpJson.Body(body), Ct);
}
