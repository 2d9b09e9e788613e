using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Connectors;

public sealed class ConnectorValidationTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One row per rule of the engine's validator and of the body: (config change, field path, code).</summary>
    public static TheoryData<string, string, string> ConfigRules => new()
    {
        { """{ "authorizationEndpoint": null }""", "config.authorizationEndpoint", "required" },
        { """{ "tokenEndpoint": "http://provider.example.com/token" }""", "config.tokenEndpoint", "insecure_url" },
        { """{ "userInfoEndpoint": "not a url" }""", "config.userInfoEndpoint", "invalid_url" },
        { """{ "authorizationEndpoint": "https://user:pw@provider.example.com/authorize" }""", "config.authorizationEndpoint", "invalid_url" },
        { """{ "clientId": "" }""", "config.clientId", "required" },
        { """{ "clientSecret": null }""", "config.clientSecret", "required" },
        { """{ "tokenEndpointAuthMethod": "tls_client_auth" }""", "config.tokenEndpointAuthMethod", "unsupported_value" },
        { """{ "clientSecretJwtSigningAlgorithm": "RS256" }""", "config.clientSecretJwtSigningAlgorithm", "unsupported_value" },
        { """{ "tokenEndpointAuthMethod": "private_key_jwt" }""", "config.clientAssertionKey", "required" },
        { """{ "clientAssertionKey": { "keyId": "k1", "algorithm": "ES256", "privateKey": "not a pem" } }""", "config.clientAssertionKey.privateKey", "invalid_private_key" },
        { """{ "clientAssertionKey": { "keyId": "k1", "algorithm": "PS256", "privateKey": "x" } }""", "config.clientAssertionKey.algorithm", "unsupported_value" },
        { """{ "clientAssertionKey": { "keyId": "k1", "algorithm": "ES256", "privateKey": "x", "d": "y" } }""", "config.clientAssertionKey.d", "unknown_field" },
        { """{ "signedClientSecret": { "keyId": "k", "issuer": "t", "audience": "a", "privateKey": "x" } }""", "config.signedClientSecret.privateKey", "invalid_private_key" },
        { """{ "signedClientSecret": { "issuer": "t", "audience": "a", "privateKey": "x" } }""", "config.signedClientSecret.keyId", "required" },
        { """{ "signedClientSecret": { "keyId": "k", "issuer": "t", "audience": "a", "privateKey": "x", "lifetimeSeconds": 15777000 } }""", "config.signedClientSecret.lifetimeSeconds", "unsupported_value" },
        { """{ "tokenEndpointResponseType": "xml" }""", "config.tokenEndpointResponseType", "unsupported_value" },
        { """{ "responseType": "token" }""", "config.responseType", "unsupported_value" },
        { """{ "grantType": "client_credentials" }""", "config.grantType", "unsupported_value" },
        { """{ "customConfig": { "redirect_uri": "https://evil.example.com" } }""", "config.customConfig.redirect_uri", "reserved_parameter" },
        { """{ "customConfig": { "codeVerifier": "x" } }""", "config.customConfig.codeVerifier", "reserved_parameter" },
        { """{ "customConfig": { "": "x" } }""", "config.customConfig.", "invalid_parameter" },
        { """{ "customConfig": { "prompt": 1 } }""", "config.customConfig", "invalid_type" },
        { """{ "profileMap": { "id": "data..id" } }""", "config.profileMap.id", "invalid_path" },
        { """{ "profileMap": { "username": "login" } }""", "config.profileMap.username", "unknown_field" },
        { """{ "tokenEndpiont": "https://provider.example.com/token" }""", "config.tokenEndpiont", "unknown_field" },
        { """{ "pkce": "yes" }""", "config.pkce", "invalid_type" },
        { """{ "scope": ["openid"] }""", "config.scope", "invalid_type" },
    };

    [Theory]
    [MemberData(nameof(ConfigRules))]
    public async Task Create_BreakingOneConfigRule_ReportsThatFieldWithItsCode(string change, string field, string code)
    {
        var config = LogtoConfigs.GitHubWith(JsonNode.Parse(change)!.AsObject().ToDictionary(p => p.Key, p => p.Value));

        var response = await host.Admin.PostAsync("/api/connectors", HttpJson.Body(LogtoConfigs.Connector("rule-check", "Rule", config)), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(code, problem.CodesFor(field));
        Assert.NotEmpty(problem["errors"]![field]!.AsArray());
    }

    [Fact]
    public async Task Create_WithManyProblems_ReportsEveryFieldAtOnce()
    {
        const string body = """
            {
              "id": "Not A Slug", "name": "", "logoUrl": "http://cdn.example.com/logo.png", "colour": "red",
              "config": {
                "authorizationEndpoint": "http://provider.example.com/authorize", "tokenEndpoint": "nope",
                "clientId": 42, "tokenEndpointAuthMethod": "tls_client_auth",
                "customConfig": { "state": "fixed" }, "profileMap": { "id": "a..b" }
              }
            }
            """;

        var response = await host.Admin.PostAsync("/api/connectors", HttpJson.Body(body), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["invalid_id"], problem.CodesFor("id"));
        Assert.Equal(["required"], problem.CodesFor("name"));
        Assert.Equal(["insecure_url"], problem.CodesFor("logoUrl"));
        Assert.Equal(["unknown_field"], problem.CodesFor("colour"));
        Assert.Equal(["insecure_url"], problem.CodesFor("config.authorizationEndpoint"));
        Assert.Equal(["invalid_url"], problem.CodesFor("config.tokenEndpoint"));
        Assert.Equal(["required"], problem.CodesFor("config.userInfoEndpoint"));
        Assert.Equal(["invalid_type"], problem.CodesFor("config.clientId"));
        Assert.Equal(["required"], problem.CodesFor("config.clientSecret"));
        Assert.Equal(["unsupported_value"], problem.CodesFor("config.tokenEndpointAuthMethod"));
        Assert.Equal(["reserved_parameter"], problem.CodesFor("config.customConfig.state"));
        Assert.Equal(["invalid_path"], problem.CodesFor("config.profileMap.id"));
        Assert.Equal(12, problem["errors"]!.AsObject().Count);
    }

    [Fact]
    public async Task Create_WithoutConfig_ReportsConfigRequired()
    {
        var response = await host.Admin.PostAsync("/api/connectors", HttpJson.Body("""{ "name": "No config" }"""), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["required"], problem.CodesFor("config"));
    }

    [Fact]
    public async Task Create_WithLoopbackHttpEndpoints_IsAcceptedBecauseInsecureEndpointsAreAllowed()
    {
        var config = LogtoConfigs.GitHubWith(new Dictionary<string, JsonNode?>
        {
            ["tokenEndpoint"] = "http://127.0.0.1:9999/token",
            ["userInfoEndpoint"] = "http://localhost:9999/me",
        });

        var response = await host.Admin.PostAsync("/api/connectors", HttpJson.Body(LogtoConfigs.Connector("loopback", "Loopback", config)), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Patch_BreakingARule_Returns400AndLeavesTheConnectorUnchanged()
    {
        await host.Admin.PostAsync("/api/connectors", HttpJson.Body(LogtoConfigs.Connector("patch-invalid", "Before", LogtoConfigs.GitHub())), Ct);

        var response = await host.Admin.PatchAsync("/api/connectors/patch-invalid",
            HttpJson.Body("""{ "name": "After", "config": { "tokenEndpoint": "ftp://x", "grantType": "password" } }"""), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["invalid_url"], problem.CodesFor("config.tokenEndpoint"));
        Assert.Equal(["unsupported_value"], problem.CodesFor("config.grantType"));
        var stored = await (await host.Admin.GetAsync("/api/connectors/patch-invalid", Ct)).ReadJsonAsync();
        Assert.Equal("Before", stored["name"]!.GetValue<string>());
    }
}
