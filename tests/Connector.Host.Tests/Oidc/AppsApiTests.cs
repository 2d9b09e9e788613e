using System.Net;
using Connector.Host.Tests.Infrastructure;
using Dapper;

namespace Connector.Host.Tests.Oidc;

/// <summary><c>/api/apps</c>: register OIDC client apps; the secret is shown once and stored only as a hash.</summary>
public sealed class AppsApiTests : IAsyncLifetime
{
    private OidcWorld _world = null!;

    private static CancellationToken Ct => OidcWorld.Ct;

    private HttpClient Admin => _world.Host.Admin;

    public async ValueTask InitializeAsync() => _world = await OidcWorld.StartAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Create_Returns201WithTheSecretOnce_AndReadsNeverShowIt()
    {
        using var created = await Admin.PostAsync("/api/apps", HttpJson.Body(
            """{ "name": "Next app", "redirectUris": ["http://localhost:3000/api/auth/callback/logto"] }"""), Ct);
        var body = await created.ReadJsonAsync();
        var id = body["id"]!.GetValue<string>();

        using var read = await Admin.GetAsync($"/api/apps/{id}", Ct);
        var list = await (await Admin.GetAsync("/api/apps", Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/apps/{id}", created.Headers.Location!.OriginalString);
        var secret = body["clientSecret"]!.GetValue<string>();
        Assert.True(secret.Length >= 43, "at least 256 bits");
        Assert.Equal("ES384", body["idTokenSignedResponseAlg"]!.GetValue<string>());
        Assert.Empty(body["postLogoutRedirectUris"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Null((await read.ReadJsonAsync())["clientSecret"]);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await DatabaseDump.AllRowsAsync(_world.Host.Database), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, _world.Factory.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithBadFields_ReportsEveryProblemWithItsCode()
    {
        using var response = await Admin.PostAsync("/api/apps", HttpJson.Body("""
            { "name": "", "redirectUris": ["https://app.example.com/cb#frag", "http://app.example.com/cb", "/relative", "https://ok.example/cb", "https://ok.example/cb"],
              "postLogoutRedirectUris": ["javascript:alert(1)"], "idTokenSignedResponseAlg": "HS256", "grantTypes": ["implicit"] }
            """), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["required"], problem.CodesFor("name"));
        Assert.Equal(["invalid_url"], problem.CodesFor("redirectUris.0"));
        Assert.Equal(["insecure_url"], problem.CodesFor("redirectUris.1"));
        Assert.Equal(["invalid_url"], problem.CodesFor("redirectUris.2"));
        Assert.Equal(["duplicate"], problem.CodesFor("redirectUris.4"));
        Assert.Equal(["invalid_url"], problem.CodesFor("postLogoutRedirectUris.0"));
        Assert.Equal(["one_of"], problem.CodesFor("idTokenSignedResponseAlg"));
        Assert.Equal(["unknown_field"], problem.CodesFor("grantTypes"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:3000/cb")]
    [InlineData("http://[::1]:3000/cb")]
    [InlineData("http://localhost/cb")]
    [InlineData("https://app.example.com/api/auth/callback/logto")]
    public async Task Create_AcceptsHttpsAndLoopbackHttpRedirectUris(string uri)
    {
        using var response = await Admin.PostAsync("/api/apps", HttpJson.Body($$"""{ "name": "A", "redirectUris": ["{{uri}}"] }"""), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Create_WithoutRedirectUris_IsRefused()
    {
        using var response = await Admin.PostAsync("/api/apps", HttpJson.Body("""{ "name": "A", "redirectUris": [] }"""), Ct);

        Assert.Equal(["required"], (await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).CodesFor("redirectUris"));
    }

    [Fact]
    public async Task Patch_ChangesTheGivenFields_KeepsTheSecret_AndAuditsFieldNamesOnly()
    {
        var app = await _world.CreateAppAsync();

        using var patched = await Admin.PatchAsync($"/api/apps/{app.Id}", HttpJson.Body(
            """{ "name": "Renamed", "redirectUris": ["https://app.example.com/cb"], "idTokenSignedResponseAlg": "RS256" }""", "application/merge-patch+json"), Ct);
        using var readOnly = await Admin.PatchAsync($"/api/apps/{app.Id}", HttpJson.Body("""{ "clientId": "mine", "clientSecret": "mine" }"""), Ct);

        var body = await patched.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Renamed", body["name"]!.GetValue<string>());
        Assert.Equal("https://app.example.com/cb", Assert.Single(body["redirectUris"]!.AsArray())!.GetValue<string>());
        Assert.Equal("RS256", body["idTokenSignedResponseAlg"]!.GetValue<string>());
        Assert.Equal(app.ClientId, body["clientId"]!.GetValue<string>());
        var problem = await readOnly.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["read_only"], problem.CodesFor("clientId"));
        Assert.Equal(["read_only"], problem.CodesFor("clientSecret"));
        await using var connection = await _world.Host.Database.OpenAsync();
        var details = await connection.QuerySingleAsync<string>("SELECT details::text FROM audit_events WHERE action = 'app.updated'");
        Assert.Contains("redirectUris", details, StringComparison.Ordinal);
        Assert.DoesNotContain("app.example.com", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateSecret_ShowsANewSecretOnce_AndTheOldOneStopsWorking()
    {
        var app = await _world.CreateAppAsync();

        using var rotated = await Admin.PostAsync($"/api/apps/{app.Id}/rotate-secret", null, Ct);
        var newSecret = (await rotated.ReadJsonAsync())["clientSecret"]!.GetValue<string>();
        using var withOld = await _world.RefreshAsync(app, "any");
        using var withNew = await _world.RefreshAsync(app with { ClientSecret = newSecret }, "any");

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.NotEqual(app.ClientSecret, newSecret);
        Assert.Equal("invalid_client", (await OidcWorld.OAuthErrorAsync(withOld)).Error);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(withNew)).Error); // authenticated; the token is bogus
        Assert.DoesNotContain(newSecret, await DatabaseDump.AllRowsAsync(_world.Host.Database), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_RemovesTheAppAndEveryTokenIssuedToIt()
    {
        var app = await _world.CreateAppAsync();
        var tokens = await _world.SignInAndRedeemAsync(app);

        using var deleted = await Admin.DeleteAsync($"/api/apps/{app.Id}", Ct);
        using var again = await Admin.GetAsync($"/api/apps/{app.Id}", Ct);
        using var refresh = await _world.RefreshAsync(app, tokens["refresh_token"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await again.AssertProblemAsync(HttpStatusCode.NotFound, "app_not_found");
        Assert.Equal("invalid_client", (await OidcWorld.OAuthErrorAsync(refresh)).Error);
        Assert.Equal(0, await _world.Host.CountAsync("oidc_tokens"));
    }

    [Fact]
    public async Task UnknownOrMalformedIds_Are404AppNotFound()
    {
        using var unknown = await Admin.GetAsync($"/api/apps/{Guid.NewGuid()}", Ct);
        using var malformed = await Admin.PatchAsync("/api/apps/not-a-uuid", HttpJson.Body("{}"), Ct);

        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "app_not_found");
        await malformed.AssertProblemAsync(HttpStatusCode.NotFound, "app_not_found");
    }

    [Fact]
    public async Task EveryChange_IsAudited_WithoutTheSecret()
    {
        var app = await _world.CreateAppAsync();
        await Admin.PatchAsync($"/api/apps/{app.Id}", HttpJson.Body("""{ "name": "B" }"""), Ct);
        var rotated = await (await Admin.PostAsync($"/api/apps/{app.Id}/rotate-secret", null, Ct)).ReadJsonAsync();
        await Admin.DeleteAsync($"/api/apps/{app.Id}", Ct);

        var audit = await (await Admin.GetAsync("/api/audit?limit=10", Ct)).Content.ReadAsStringAsync(Ct);

        foreach (var action in new[] { "app.created", "app.updated", "app.secret_rotated", "app.deleted" })
        {
            Assert.Contains($"\"{action}\"", audit, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(app.ClientSecret, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(rotated["clientSecret"]!.GetValue<string>(), audit, StringComparison.Ordinal);
    }
}
