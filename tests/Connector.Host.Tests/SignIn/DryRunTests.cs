using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.SignIn;

/// <summary><c>POST /api/connectors/{id}/test</c>: the admin sees raw userinfo and the mapped profile, and no user is created.</summary>
public sealed class DryRunTests : IAsyncLifetime
{
    private SignInHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await SignInHost.StartAsync();
        await _host.CreateConnectorAsync(profileMap: new JsonObject { ["id"] = "data.user.id", ["name"] = "data.user.nickname" });
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task DryRun_ShowsRawUserInfoAndMappedProfile_AndCreatesNoUser()
    {
        _host.Upstream.SignsIn("""{"code":0,"data":{"user":{"id":4242,"nickname":"Nick"}}}""");

        var html = await RunAsync(HttpStatusCode.OK);

        Assert.Contains("would succeed", html, StringComparison.Ordinal);
        Assert.Contains("4242", html, StringComparison.Ordinal);
        Assert.Contains("Nick", html, StringComparison.Ordinal);
        Assert.Contains("&quot;nickname&quot;", html, StringComparison.Ordinal); // the raw JSON, encoded
        Assert.DoesNotContain(FakeProvider.AccessToken, html, StringComparison.Ordinal);
        Assert.Equal(0, await _host.CountAsync("users"));
        Assert.Equal(0, await _host.CountAsync("user_identities"));
    }

    [Fact]
    public async Task DryRun_WithAMapThatMissesTheId_ShowsTheRawUserInfoAndTheExactError()
    {
        _host.Upstream.SignsIn("""{"data":{"account":{"id":1}}}""");

        var html = await RunAsync(HttpStatusCode.OK);

        Assert.Contains("profile_id_missing", html, StringComparison.Ordinal);
        Assert.Contains("data.user.id", html, StringComparison.Ordinal);
        Assert.Contains("&quot;account&quot;", html, StringComparison.Ordinal);
        Assert.Equal(0, await _host.CountAsync("users"));
    }

    [Fact]
    public async Task DryRun_WithAFailingProvider_ShowsTheProvidersError()
    {
        _host.Upstream.OnTokenJson("""{"error":"invalid_client","error_description":"Bad secret"}""", 401);

        var html = await RunAsync(HttpStatusCode.OK);

        Assert.Contains("token_exchange_failed", html, StringComparison.Ordinal);
        Assert.Contains("invalid_client", html, StringComparison.Ordinal);
        Assert.Contains("Bad secret", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_OfAGitHubStyleProviderWithAPrivateEmail_ShowsTheLookedUpEmail_ExactlyAsTheRealSignInStoresIt()
    {
        var config = JsonNode.Parse($$"""
            { "id": "octo", "name": "Octo", "config": {
                "authorizationEndpoint": "{{_host.Upstream.Url}}/authorize", "tokenEndpoint": "{{_host.Upstream.Url}}/token",
                "userInfoEndpoint": "{{_host.Upstream.Url}}/userinfo", "clientId": "octo-client", "clientSecret": "octo-secret",
                "profileMap": { "id": "id", "name": "login" },
                "emailLookup": { "endpoint": "{{_host.Upstream.Url}}/user/emails" } } }
            """)!;
        using var created = await _host.Admin.PostAsync("/api/connectors", HttpJson.Body(config.ToJsonString()), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        _host.Upstream.SignsIn("""{"id":583231,"login":"octocat","email":null}""");
        _host.Upstream.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/user/emails").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithHeader("Content-Type", "application/json").WithBody(
                """[{"email":"old@example.com","primary":false,"verified":true},{"email":"octocat@example.com","primary":true,"verified":true}]"""));

        var html = await RunAsync(HttpStatusCode.OK, "octo");
        using var browser = _host.NewBrowser();
        using var signedIn = await browser.SignInAsync("octo");

        Assert.Contains("would succeed", html, StringComparison.Ordinal);
        Assert.Contains("<dd>octocat@example.com</dd>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        await using var connection = await _host.Database.OpenAsync();
        var stored = await Dapper.SqlMapper.QuerySingleAsync<string>(connection, "SELECT profile->>'email' FROM user_identities WHERE connector_id = 'octo'");
        Assert.Equal("octocat@example.com", stored);
        Assert.Equal(2, _host.Upstream.Requests("/user/emails").Count); // the dry run and the sign-in each looked it up
    }

    [Fact]
    public async Task DryRun_ForAnUnknownConnector_Is404()
    {
        using var response = await _host.Admin.PostAsync("/api/connectors/nope/test", null, TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "connector_not_found");
    }

    private async Task<string> RunAsync(HttpStatusCode expected, string connectorId = SignInHost.ConnectorId)
    {
        using var started = await _host.Admin.PostAsync($"/api/connectors/{connectorId}/test", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var url = new Uri((await started.ReadJsonAsync())["authorizationUrl"]!.GetValue<string>());
        Assert.StartsWith(_host.Upstream.Url + "/authorize?", url.AbsoluteUri, StringComparison.Ordinal);

        // The admin opens it in any browser: the dry run is bound to its state alone.
        using var browser = _host.NewBrowser();
        using var page = await browser.GetAsync(await Browser.AtProviderAsync(url));
        Assert.Equal(expected, page.StatusCode);
        return await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
