using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Presets;

/// <summary>
/// Presets of IdPs that live at the customer's own domain (Okta, Auth0, Keycloak, one Entra ID tenant): the domain, realm
/// or tenant is a parameter of the preset call (<c>presetParameters</c>), checked before it goes into any URL.
/// </summary>
public sealed class PresetParameterTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keycloak_WithDomainAndRealm_StoresEveryEndpointAndTheIssuerUnderThem()
    {
        using var response = await CreateAsync("keycloak", "kc-acme", """{ "domain": "SSO.Example.com:8443", "realm": "acme" }""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var config = (await (await host.Admin.GetAsync("/api/connectors/kc-acme", Ct)).ReadJsonAsync())["config"]!;
        const string Realm = "https://sso.example.com:8443/realms/acme";
        Assert.Equal($"{Realm}/protocol/openid-connect/auth", config["authorizationEndpoint"]!.GetValue<string>());
        Assert.Equal($"{Realm}/protocol/openid-connect/token", config["tokenEndpoint"]!.GetValue<string>());
        Assert.Equal($"{Realm}/protocol/openid-connect/userinfo", config["userInfoEndpoint"]!.GetValue<string>());
        Assert.Equal($"{Realm}/protocol/openid-connect/certs", config["idTokenVerificationConfig"]!["jwksUri"]!.GetValue<string>());
        Assert.Equal(Realm, config["idTokenVerificationConfig"]!["issuer"]!.GetValue<string>());
        Assert.Null(config["presetParameters"]);
        Assert.DoesNotContain("{domain}", config.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("{realm}", config.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntraTenant_ByDomainName_KeepsTheIssuersTenantIdPlaceholderForTheEngine()
    {
        using var response = await CreateAsync("entra-id", "entra-contoso", """{ "tenant": "contoso.onmicrosoft.com" }""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var config = (await (await host.Admin.GetAsync("/api/connectors/entra-contoso", Ct)).ReadJsonAsync())["config"]!;
        Assert.Equal("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize", config["authorizationEndpoint"]!.GetValue<string>());
        Assert.Equal("https://login.microsoftonline.com/{tenantid}/v2.0", config["idTokenVerificationConfig"]!["issuer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Okta_WithoutItsDomain_Returns400Required_AndSavesNothing()
    {
        using var response = await CreateAsync("okta", "okta-missing", parameters: null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["required"], problem.CodesFor("presetParameters.domain"));
        Assert.Contains("dev-123456.okta.com", problem["errors"]!["presetParameters.domain"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(problem.CodesFor("config.authorizationEndpoint")); // not judged on a placeholder
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.GetAsync("/api/connectors/okta-missing", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("https://dev-1.okta.com")]
    [InlineData("dev-1.okta.com/oauth2/default")]
    [InlineData("attacker.example@dev-1.okta.com")]
    [InlineData("dev-1.okta.com?x=1")]
    [InlineData("dev-1.okta.com#frag")]
    [InlineData("-dev.okta.com")]
    [InlineData("")]
    public async Task Okta_WithADomainThatIsMoreThanAHost_Returns400InvalidParameter(string domain)
    {
        using var response = await CreateAsync("okta", "okta-bad", new JsonObject { ["domain"] = domain }.ToJsonString());

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["invalid_parameter"], problem.CodesFor("presetParameters.domain"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.GetAsync("/api/connectors/okta-bad", Ct)).StatusCode);
    }

    [Fact]
    public async Task Keycloak_WithARealmThatIsAPath_Returns400InvalidParameter()
    {
        using var response = await CreateAsync("keycloak", "kc-bad", """{ "domain": "sso.example.com", "realm": "acme/../master" }""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["invalid_parameter"], problem.CodesFor("presetParameters.realm"));
        Assert.Empty(problem.CodesFor("presetParameters.domain"));
    }

    [Fact]
    public async Task Preset_WithAParameterItDoesNotTake_Returns400UnknownField()
    {
        using var github = await CreateAsync("github", "github-param", """{ "domain": "github.example.com" }""");
        using var okta = await CreateAsync("okta", "okta-extra", """{ "domain": "dev-1.okta.com", "realm": "x" }""");

        Assert.Equal(["unknown_field"], (await github.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).CodesFor("presetParameters.domain"));
        Assert.Equal(["unknown_field"], (await okta.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).CodesFor("presetParameters.realm"));
    }

    [Fact]
    public async Task PresetParameters_NotAnObject_Returns400InvalidType()
    {
        using var response = await CreateAsync("okta", "okta-type", "\"dev-1.okta.com\"");

        Assert.Equal(["invalid_type"], (await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).CodesFor("presetParameters"));
    }

    [Fact]
    public async Task PresetParameters_WithoutAPreset_AreAnUnknownField()
    {
        using var response = await host.Admin.PostAsync("/api/connectors", HttpJson.Body("""
            { "id": "plain", "name": "Plain", "presetParameters": { "domain": "dev-1.okta.com" },
              "config": { "authorizationEndpoint": "https://a.example/auth", "tokenEndpoint": "https://a.example/token",
                          "userInfoEndpoint": "https://a.example/me", "clientId": "c", "clientSecret": "s" } }
            """), Ct);

        Assert.Equal(["unknown_field"], (await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).CodesFor("presetParameters"));
    }

    [Fact]
    public async Task ExplicitConfig_StillWinsOverTheFilledPreset()
    {
        using var response = await CreateAsync("auth0", "auth0-custom", """{ "domain": "example.us.auth0.com" }""",
            config: """{ "userInfoEndpoint": "https://login.example.com/userinfo" }""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var config = (await (await host.Admin.GetAsync("/api/connectors/auth0-custom", Ct)).ReadJsonAsync())["config"]!;
        Assert.Equal("https://login.example.com/userinfo", config["userInfoEndpoint"]!.GetValue<string>());
        Assert.Equal("https://example.us.auth0.com/authorize", config["authorizationEndpoint"]!.GetValue<string>());
        Assert.Equal("https://example.us.auth0.com/", config["idTokenVerificationConfig"]!["issuer"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> CreateAsync(string preset, string id, string? parameters, string? config = null)
    {
        var body = JsonNode.Parse($$"""{ "preset": "{{preset}}", "id": "{{id}}", "clientId": "client-1", "clientSecret": "secret-1" }""")!.AsObject();
        if (parameters is not null)
        {
            body["presetParameters"] = JsonNode.Parse(parameters);
        }

        if (config is not null)
        {
            body["config"] = JsonNode.Parse(config);
        }

        return host.Admin.PostAsync("/api/connectors", HttpJson.Body(body.ToJsonString()), Ct);
    }
}
