using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Connectors;

public sealed class ConnectorCreateTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WithLogtoConfig_Returns201AndLocation()
    {
        var response = await host.Admin.PostAsync("/api/connectors",
            HttpJson.Body(LogtoConfigs.Connector("github-create", "GitHub", LogtoConfigs.GitHub())), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/connectors/github-create", response.Headers.Location?.OriginalString);
        var body = await response.ReadJsonAsync();
        Assert.Equal("github-create", body["id"]!.GetValue<string>());
        Assert.Equal("GitHub", body["name"]!.GetValue<string>());
        Assert.True(body["enabled"]!.GetValue<bool>());
        Assert.Equal("query-string", body["config"]!["tokenEndpointResponseType"]!.GetValue<string>());
        Assert.Equal("avatar_url", body["config"]!["profileMap"]!["avatar"]!.GetValue<string>());
        Assert.Equal("false", body["config"]!["customConfig"]!["allowSignup"]!.GetValue<string>());
        Assert.True(body["config"]!["hasClientSecret"]!.GetValue<bool>());
        Assert.Null(body["config"]!["clientSecret"]);

        var located = await host.Admin.GetAsync(response.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.OK, located.StatusCode);
    }

    [Fact]
    public async Task Create_WithoutId_GeneratesSlugFromName()
    {
        var response = await host.Admin.PostAsync("/api/connectors",
            HttpJson.Body(LogtoConfigs.Connector(null, "Acme Corp SSO!", LogtoConfigs.GitHub())), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("acme-corp-sso", (await response.ReadJsonAsync())["id"]!.GetValue<string>());
        Assert.Equal("/api/connectors/acme-corp-sso", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Create_WithoutIdWhenSlugIsTaken_AddsRandomSuffix()
    {
        var body = LogtoConfigs.Connector(null, "Twice Named", LogtoConfigs.GitHub());
        var first = await host.Admin.PostAsync("/api/connectors", HttpJson.Body(body), Ct);
        var second = await host.Admin.PostAsync("/api/connectors", HttpJson.Body(body), Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var secondId = (await second.ReadJsonAsync())["id"]!.GetValue<string>();
        Assert.Matches("^twice-named-[0-9a-f]{6}$", secondId);
    }

    [Fact]
    public async Task Create_WithDuplicateId_Returns409Conflict()
    {
        var body = LogtoConfigs.Connector("duplicate", "First", LogtoConfigs.GitHub());
        Assert.Equal(HttpStatusCode.Created, (await host.Admin.PostAsync("/api/connectors", HttpJson.Body(body), Ct)).StatusCode);

        var again = await host.Admin.PostAsync("/api/connectors",
            HttpJson.Body(LogtoConfigs.Connector("duplicate", "Second", LogtoConfigs.GitHub())), Ct);

        await again.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var stored = await (await host.Admin.GetAsync("/api/connectors/duplicate", Ct)).ReadJsonAsync();
        Assert.Equal("First", stored["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithDisabledFlagAndLogo_KeepsBoth()
    {
        var body = LogtoConfigs.Connector("with-logo", "Logo", LogtoConfigs.GitHub(),
            "\"enabled\": false, \"logoUrl\": \"https://cdn.example.com/logo.svg\"");

        var created = await (await host.Admin.PostAsync("/api/connectors", HttpJson.Body(body), Ct)).ReadJsonAsync();

        Assert.False(created["enabled"]!.GetValue<bool>());
        Assert.Equal("https://cdn.example.com/logo.svg", created["logoUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithMalformedJson_Returns400Problem()
    {
        var response = await host.Admin.PostAsync("/api/connectors", HttpJson.Body("{ \"name\": \"x\", "), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["invalid_json"], problem.CodesFor("$"));
    }

    [Fact]
    public async Task Create_WithArrayBody_Returns400Problem()
    {
        var response = await host.Admin.PostAsync("/api/connectors", HttpJson.Body("[]"), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["invalid_type"], problem.CodesFor("$"));
    }

    [Fact]
    public async Task Create_WithDuplicateJsonProperty_Returns400Problem()
    {
        var response = await host.Admin.PostAsync("/api/connectors",
            HttpJson.Body("""{ "name": "a", "name": "b", "config": {} }"""), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["invalid_json"], problem.CodesFor("$"));
    }

    [Fact]
    public async Task Create_WithoutJsonContentType_Returns415Problem()
    {
        var response = await host.Admin.PostAsync("/api/connectors",
            HttpJson.Body(LogtoConfigs.Connector("plain-text", "Plain", LogtoConfigs.GitHub()), "text/plain"), Ct);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }
}
