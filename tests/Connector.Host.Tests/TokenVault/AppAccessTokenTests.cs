using System.Net;
using System.Net.Http.Headers;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.Oidc;
using Connector.Host.Tests.SignIn;

namespace Connector.Host.Tests.TokenVault;

/// <summary>
/// The app's door to the vault, <c>GET /oidc/me/identities/{connectorId}/access-token</c>: one of our access tokens with
/// the scope <c>identity_tokens</c> reads its own user's provider token; without the scope, without a token or after
/// the user was signed out everywhere it is refused with RFC 6750's answers.
/// </summary>
public sealed class AppAccessTokenTests
{
    private const string Path = $"/oidc/me/identities/{SignInHost.ConnectorId}/access-token";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAppTokenWithIdentityTokens_ReadsItsUsersProviderToken_UntilTheUserIsSignedOutEverywhere()
    {
        await using var world = await StartAsync();
        var app = await world.CreateAppAsync();
        var tokens = await world.SignInAndRedeemAsync(app, "openid profile identity_tokens");
        var userId = (await world.Host.Database.QueryAsync<Guid>("SELECT id FROM users")).Single();

        using var granted = await GetAsync(world, tokens["access_token"]!.GetValue<string>());
        using var revoked = await world.Host.Admin.PostAsync($"/api/users/{userId}/revoke-sessions", null, Ct);
        using var afterRevocation = await GetAsync(world, tokens["access_token"]!.GetValue<string>());

        Assert.True(granted.StatusCode == HttpStatusCode.OK, $"{granted.StatusCode} {granted.Headers.WwwAuthenticate}: {await granted.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal(FakeProvider.AccessToken, (await granted.ReadJsonAsync())["accessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevocation.StatusCode);
        Assert.Contains("invalid_token", afterRevocation.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(["app:" + app.ClientId],
            await world.Host.Database.QueryAsync<string>("SELECT actor FROM audit_events WHERE action = 'identity_token.read'"));
    }

    [Fact]
    public async Task AnAppTokenWithoutIdentityTokens_IsForbiddenWithInsufficientScope_AndNoTokenIsUnauthorized()
    {
        await using var world = await StartAsync();
        var app = await world.CreateAppAsync();
        var tokens = await world.SignInAndRedeemAsync(app, "openid profile");

        using var withoutScope = await GetAsync(world, tokens["access_token"]!.GetValue<string>());
        using var withoutToken = await GetAsync(world, null);
        using var withGarbage = await GetAsync(world, "not-a-token");

        Assert.Equal(HttpStatusCode.Forbidden, withoutScope.StatusCode);
        var challenge = withoutScope.Headers.WwwAuthenticate.ToString();
        Assert.Contains("insufficient_scope", challenge, StringComparison.Ordinal);
        Assert.Contains("identity_tokens", challenge, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.StartsWith("Bearer", withoutToken.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, withGarbage.StatusCode);
        Assert.Contains("invalid_token", withGarbage.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await world.Host.Database.CountAsync("SELECT count(*) FROM audit_events WHERE action LIKE 'identity_token.%'"));
    }

    [Fact]
    public async Task TheScopeIdentityTokens_IsAdvertisedInDiscovery()
    {
        await using var world = await StartAsync();
        using var client = world.Client();

        var discovery = await (await client.GetAsync("/oidc/.well-known/openid-configuration", Ct)).ReadJsonAsync();

        Assert.Contains("identity_tokens", discovery["scopes_supported"]!.AsArray().Select(scope => scope!.GetValue<string>()));
    }

    /// <summary>The OIDC world, its connector keeping tokens.</summary>
    private static async Task<OidcWorld> StartAsync()
    {
        var world = await OidcWorld.StartAsync();
        using var patched = await world.Host.Admin.PatchAsync($"/api/connectors/{SignInHost.ConnectorId}",
            HttpJson.Body("""{"enableTokenStorage":true}""", "application/merge-patch+json"), Ct);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        return world;
    }

    private static async Task<HttpResponseMessage> GetAsync(OidcWorld world, string? accessToken)
    {
        using var client = world.Client();
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await client.GetAsync(Path, Ct);
    }
}
