using System.Net;
using Connector.Host.Tests.Infrastructure;
using Dapper;

namespace Connector.Host.Tests.Presets;

public sealed class PresetCreateTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string ClientId = "preset-client-id-4471";
    private const string ClientSecret = "preset-client-secret-9b3e1f7a";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WithPresetInConfigForm_FillsEndpointsHeadersAndProfileMap()
    {
        var response = await PostAsync($$"""
            { "preset": "twitch", "id": "twitch-config-form", "name": "Twitch (streamers)",
              "config": { "clientId": "{{ClientId}}", "clientSecret": "{{ClientSecret}}" } }
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("twitch-config-form", body["id"]!.GetValue<string>());
        Assert.Equal("Twitch (streamers)", body["name"]!.GetValue<string>());
        var config = body["config"]!;
        Assert.Equal("https://id.twitch.tv/oauth2/authorize", config["authorizationEndpoint"]!.GetValue<string>());
        Assert.Equal("https://id.twitch.tv/oauth2/token", config["tokenEndpoint"]!.GetValue<string>());
        Assert.Equal("https://api.twitch.tv/helix/users", config["userInfoEndpoint"]!.GetValue<string>());
        Assert.Equal("user:read:email", config["scope"]!.GetValue<string>());
        Assert.Equal("client_secret_post", config["tokenEndpointAuthMethod"]!.GetValue<string>());
        Assert.Equal("{clientId}", config["userInfoHeaders"]!["Client-Id"]!.GetValue<string>());
        Assert.Equal("data.0.display_name|data.0.login", config["profileMap"]!["name"]!.GetValue<string>());
        Assert.False(config["pkce"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Create_WithPresetAndExplicitFields_ExplicitFieldsWin()
    {
        var response = await PostAsync($$"""
            { "preset": "github", "id": "github-overrides",
              "config": { "clientId": "{{ClientId}}", "clientSecret": "{{ClientSecret}}",
                          "scope": "read:user", "tokenEndpointAuthMethod": "client_secret_basic",
                          "profileMap": { "name": "login" }, "userInfoHeaders": { "X-Extra": "1" } } }
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var config = (await (await host.Admin.GetAsync("/api/connectors/github-overrides", Ct)).ReadJsonAsync())["config"]!;
        Assert.Equal("read:user", config["scope"]!.GetValue<string>());
        Assert.Equal("client_secret_basic", config["tokenEndpointAuthMethod"]!.GetValue<string>());
        Assert.Equal("login", config["profileMap"]!["name"]!.GetValue<string>());
        // A merge, not a replacement: the preset's other profileMap entries and headers stay.
        Assert.Equal("avatar_url", config["profileMap"]!["avatar"]!.GetValue<string>());
        Assert.Equal("id", config["profileMap"]!["id"]!.GetValue<string>());
        Assert.Equal("2022-11-28", config["userInfoHeaders"]!["X-GitHub-Api-Version"]!.GetValue<string>());
        Assert.Equal("1", config["userInfoHeaders"]!["X-Extra"]!.GetValue<string>());
        Assert.Equal("https://github.com/login/oauth/access_token", config["tokenEndpoint"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithPresetAndNullField_RemovesThatPresetField()
    {
        var response = await PostAsync($$"""
            { "preset": "github", "id": "github-no-lookup", "clientId": "{{ClientId}}", "clientSecret": "{{ClientSecret}}",
              "config": { "emailLookup": null } }
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var config = (await response.ReadJsonAsync())["config"]!;
        Assert.Null(config["emailLookup"]);
        Assert.Equal("read:user user:email", config["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithPresetAndLogo_KeepsTheLogo()
    {
        var response = await PostAsync($$"""
            { "preset": "gitlab", "id": "gitlab-logo", "logoUrl": "https://cdn.example.com/gitlab.svg", "enabled": false,
              "clientId": "{{ClientId}}", "clientSecret": "{{ClientSecret}}" }
            """);

        var body = await response.ReadJsonAsync();
        Assert.Equal("https://cdn.example.com/gitlab.svg", body["logoUrl"]!.GetValue<string>());
        Assert.Null(body["logoDarkUrl"]);
        Assert.False(body["enabled"]!.GetValue<bool>());
        Assert.Equal("GitLab", body["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithPreset_TakesThePresetsBrandLogos()
    {
        var response = await PostAsync($$"""{ "preset": "spotify", "id": "spotify-logos", "clientId": "{{ClientId}}", "clientSecret": "{{ClientSecret}}" }""");

        var body = await response.ReadJsonAsync();
        Assert.Equal("/assets/logos/spotify.svg", body["logoUrl"]!.GetValue<string>());
        Assert.Equal("/assets/logos/spotify-dark.svg", body["logoDarkUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithUnknownPreset_Returns400UnknownPreset()
    {
        var response = await PostAsync($$"""{ "preset": "myspace", "clientId": "{{ClientId}}", "clientSecret": "{{ClientSecret}}" }""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["unknown_preset"], problem.CodesFor("preset"));
        Assert.Contains("github", problem["errors"]!["preset"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.GetAsync("/api/connectors/myspace", Ct)).StatusCode);
    }

    [Fact]
    public async Task Create_WithNonStringPreset_Returns400InvalidType()
    {
        var response = await PostAsync("""{ "preset": ["github"], "clientId": "a", "clientSecret": "b" }""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["invalid_type"], problem.CodesFor("preset"));
    }

    [Fact]
    public async Task Create_WithPresetButNoClientSecret_ReportsConfigClientSecretRequired()
    {
        var response = await PostAsync($$"""{ "preset": "google", "id": "google-no-secret", "clientId": "{{ClientId}}" }""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["required"], problem.CodesFor("config.clientSecret"));
        Assert.Empty(problem.CodesFor("config.authorizationEndpoint"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.GetAsync("/api/connectors/google-no-secret", Ct)).StatusCode);
    }

    [Fact]
    public async Task Create_WithPresetAndInvalidOverrides_ReportsEveryErrorAtOnce()
    {
        var response = await PostAsync("""
            { "preset": "spotify", "logoUrl": "ftp://example.com/logo.png",
              "config": { "tokenEndpointAuthMethod": "tls_client_auth", "tokenEndpiont": "https://x.example", "customConfig": { "state": "x" } } }
            """);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["unsupported_value"], problem.CodesFor("config.tokenEndpointAuthMethod"));
        Assert.Equal(["unknown_field"], problem.CodesFor("config.tokenEndpiont"));
        Assert.Equal(["reserved_parameter"], problem.CodesFor("config.customConfig.state"));
        Assert.Equal(["required"], problem.CodesFor("config.clientId"));
        Assert.Equal(["required"], problem.CodesFor("config.clientSecret"));
        Assert.NotEmpty(problem.CodesFor("logoUrl"));
    }

    [Fact]
    public async Task Create_WithCredentialsAtTopLevelAndInConfig_Returns400OneOf()
    {
        var response = await PostAsync($$"""
            { "preset": "discord", "clientId": "{{ClientId}}", "clientSecret": "{{ClientSecret}}", "config": { "clientId": "other" } }
            """);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["one_of"], problem.CodesFor("clientId"));
        Assert.Empty(problem.CodesFor("clientSecret"));
    }

    [Fact]
    public async Task Create_WithTopLevelCredentialsButNoPreset_RefusesThemAsUnknownFields()
    {
        var response = await PostAsync($$"""{ "name": "No preset", "clientId": "{{ClientId}}", "clientSecret": "{{ClientSecret}}", "config": {{LogtoConfigs.GitHub()}} }""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["unknown_field"], problem.CodesFor("clientId"));
        Assert.Equal(["unknown_field"], problem.CodesFor("clientSecret"));
    }

    [Fact]
    public async Task Create_WithPresetWhoseIdIsTaken_Returns409Conflict()
    {
        var body = $$"""{ "preset": "huggingface", "clientId": "{{ClientId}}", "clientSecret": "{{ClientSecret}}" }""";
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(body)).StatusCode);

        var again = await PostAsync(body.Replace(ClientId, "second-client", StringComparison.Ordinal));

        await again.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var stored = await (await host.Admin.GetAsync("/api/connectors/huggingface", Ct)).ReadJsonAsync();
        Assert.Equal(ClientId, stored["config"]!["clientId"]!.GetValue<string>());
        var other = await PostAsync(body.Replace("{ ", "{ \"id\": \"huggingface-2\", ", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task Create_WithPreset_NeverReturnsOrLogsTheSecret()
    {
        var created = await PostAsync($$"""{ "preset": "dropbox", "id": "dropbox-secret", "clientId": "{{ClientId}}", "clientSecret": "{{ClientSecret}}" }""");
        var one = await host.Admin.GetAsync("/api/connectors/dropbox-secret", Ct);
        var all = await host.Admin.GetAsync("/api/connectors", Ct);
        var audit = await host.Admin.GetAsync("/api/audit?limit=500", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        foreach (var response in new[] { created, one, all, audit })
        {
            Assert.DoesNotContain(ClientSecret, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(ClientSecret, host.Factory.Logs.AllText, StringComparison.Ordinal);
        await using var connection = await host.Database.OpenAsync();
        var config = await connection.QuerySingleAsync<string>("SELECT config::text FROM connectors WHERE id = 'dropbox-secret'");
        Assert.DoesNotContain(ClientSecret, config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithPreset_RecordsThePresetInTheAuditEvent()
    {
        await PostAsync($$"""{ "preset": "linkedin", "id": "linkedin-audited", "clientId": "{{ClientId}}", "clientSecret": "{{ClientSecret}}" }""");
        await PostAsync(LogtoConfigs.Connector("plain-audited", "Plain", LogtoConfigs.GitHub()));

        var events = (await (await host.Admin.GetAsync("/api/audit?limit=500", Ct)).ReadJsonAsync()).AsArray();

        var fromPreset = Assert.Single(events, e => e!["target"]!.GetValue<string>() == "linkedin-audited")!;
        Assert.Equal("connector.created", fromPreset["action"]!.GetValue<string>());
        Assert.Equal("linkedin", fromPreset["details"]!["preset"]!.GetValue<string>());
        var plain = Assert.Single(events, e => e!["target"]!.GetValue<string>() == "plain-audited")!;
        Assert.Null(plain["details"]!["preset"]);
    }

    [Fact]
    public async Task Patch_WithPreset_Returns400ReadOnlyAndChangesNothing()
    {
        await PostAsync($$"""{ "preset": "slack", "id": "slack-patched", "clientId": "{{ClientId}}", "clientSecret": "{{ClientSecret}}" }""");

        var response = await host.Admin.PatchAsync("/api/connectors/slack-patched",
            HttpJson.Body("""{ "preset": "google", "name": "Renamed" }""", "application/merge-patch+json"), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["read_only"], problem.CodesFor("preset"));
        var stored = await (await host.Admin.GetAsync("/api/connectors/slack-patched", Ct)).ReadJsonAsync();
        Assert.Equal("Slack", stored["name"]!.GetValue<string>());
        Assert.Equal("https://slack.com/openid/connect/authorize", stored["config"]!["authorizationEndpoint"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> PostAsync(string body) => host.Admin.PostAsync("/api/connectors", HttpJson.Body(body), Ct);
}
