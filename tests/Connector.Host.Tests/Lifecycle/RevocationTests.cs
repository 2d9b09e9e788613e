using System.Net;
using System.Net.Http.Headers;
using System.Web;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.Oidc;
using Connector.Host.Tests.SignIn;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Connector.Host.Tests.Lifecycle;

/// <summary>
/// What is revoked stays revoked: after each way of ending a user's access, the next authorization (with the session
/// the browser still holds), the next refresh and the next userinfo call are all refused (<c>docs/sign-in-flow.md</c>).
/// </summary>
public sealed class RevocationTests : OidcAppTests
{
    private static CancellationToken Ct => OidcWorld.Ct;

    public static TheoryData<string> Paths =>
    [
        "disable user",
        "delete user",
        "disable connector",
        "delete connector",
        "revoke sessions",
        "sign out (copied cookie)",
        "confirmed provider change",
        "delete and re-create the connector",
    ];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task AfterEachRevocation_TheNextAuthorizationRefreshAndUserInfo_AreRefused(string path)
    {
        using var browser = World.Host.NewBrowser();
        var granted = await SignInAndRedeemAsync(browser);
        // Another browser holding a copy of the session cookie: what a stolen or synced cookie would be.
        using var copy = World.Factory.NewBrowser(browser.CopyOfCookies());
        Assert.Equal(HttpStatusCode.OK, (await UserInfoAsync(granted.AccessToken)).StatusCode);

        await RevokeAsync(path, browser, granted.UserId);

        await AssertNextAuthorizationSignsInAgainAsync(copy);
        await AssertNextAuthorizationSignsInAgainAsync(browser);
        using var refreshed = await World.RefreshAsync(App, granted.RefreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.StatusCode);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(refreshed)).Error);
        using var userInfo = await UserInfoAsync(granted.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, userInfo.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task AfterEachRevocation_PromptNone_IsLoginRequired(string path)
    {
        using var browser = World.Host.NewBrowser();
        var granted = await SignInAndRedeemAsync(browser);

        await RevokeAsync(path, browser, granted.UserId);
        using var silent = await browser.GetAsync(OidcWorld.AuthorizePath(App, Pkce.Create()) + "&prompt=none");

        Assert.Equal(HttpStatusCode.Redirect, silent.StatusCode);
        Assert.Equal("login_required", HttpUtility.ParseQueryString(silent.Headers.Location!.Query)["error"]);
    }

    [Fact]
    public async Task ASignOut_IsRememberedForAsLongAsItsGrantsCouldBePresented()
    {
        using var browser = World.Host.NewBrowser();
        var granted = await SignInAndRedeemAsync(browser);
        using (var ended = await browser.GetAsync("/oidc/session/end"))
        {
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        }

        // Past the session's own 7-day lifetime, the refresh token (14 days) is still within its life: the
        // revocation must still be there after the cleanup has run.
        World.Host.Clock.Advance(TimeSpan.FromDays(10));
        var revoked = World.Factory.Services.GetRequiredService<Connector.Host.Sessions.RevokedSessionStore>();
        await revoked.DeleteExpiredAsync(World.Host.Clock.GetUtcNow(), Ct);

        using var refreshed = await World.RefreshAsync(App, granted.RefreshToken);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(refreshed)).Error);
        var refreshLifetime = World.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OpenIddict.Server.OpenIddictServerOptions>>().Value.RefreshTokenLifetime;
        Assert.True(refreshLifetime <= Connector.Host.Sessions.UserSessions.RevocationKeptAtLeast, $"refresh tokens live {refreshLifetime}");
    }

    [Fact]
    public async Task AnotherUsersRevocation_LeavesThisUsersGrantsAlone()
    {
        using var browser = World.Host.NewBrowser();
        var granted = await SignInAndRedeemAsync(browser);
        var stranger = await Seed.UserWithIdentityAsync(World.Host.Database, SignInHost.ConnectorId, "someone-else", "Stranger");

        using var revoked = await World.Host.Admin.PostAsync($"/api/users/{stranger}/revoke-sessions", null, Ct);
        using var refreshed = await World.RefreshAsync(App, granted.RefreshToken);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UserInfoAsync(granted.AccessToken)).StatusCode);
        using var account = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
    }

    [Fact]
    public async Task ReEnablingADisabledUser_DoesNotBringBackWhatTheyHadOpen()
    {
        using var browser = World.Host.NewBrowser();
        var granted = await SignInAndRedeemAsync(browser);
        await PatchUserAsync(granted.UserId, """{ "disabled": true }""");

        await PatchUserAsync(granted.UserId, """{ "disabled": false }""");

        using var refreshed = await World.RefreshAsync(App, granted.RefreshToken);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(refreshed)).Error);
        await AssertNextAuthorizationSignsInAgainAsync(browser);
        // The user may sign in again, afresh, and is given a code.
        var code = await OidcWorld.AuthorizeAsync(browser, App, Pkce.Create());
        Assert.False(string.IsNullOrEmpty(code));
    }

    [Fact]
    public async Task ADisabledUser_IsRefusedAtTheCallback_WithoutASession()
    {
        using var browser = World.Host.NewBrowser();
        var granted = await SignInAndRedeemAsync(browser);
        await PatchUserAsync(granted.UserId, """{ "disabled": true }""");
        using var fresh = World.Host.NewBrowser();

        using var callback = await fresh.SignInAsync(SignInHost.ConnectorId);

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        Assert.Contains("user_disabled", await callback.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False(fresh.HasCookie("connectors.session"));
    }

    [Fact]
    public async Task RevokeSessions_RevokesEveryTokenOfTheUserInTheDatabase()
    {
        using var browser = World.Host.NewBrowser();
        var granted = await SignInAndRedeemAsync(browser);

        using var revoked = await World.Host.Admin.PostAsync($"/api/users/{granted.UserId}/revoke-sessions", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await using var connection = await World.Host.Database.OpenAsync();
        var statuses = (await connection.QueryAsync<string>("SELECT DISTINCT status FROM oidc_tokens WHERE subject = @Subject",
            new { Subject = granted.UserId.ToString() })).ToList();
        Assert.Equal(["revoked"], statuses);
    }

    private async Task RevokeAsync(string path, Browser browser, Guid userId)
    {
        switch (path)
        {
            case "disable user":
                await PatchUserAsync(userId, """{ "disabled": true }""");
                break;
            case "delete user":
                Assert.Equal(HttpStatusCode.NoContent, (await World.Host.Admin.DeleteAsync($"/api/users/{userId}", Ct)).StatusCode);
                break;
            case "disable connector":
                using (var patched = await World.Host.Admin.PatchAsync($"/api/connectors/{SignInHost.ConnectorId}", HttpJson.Body("""{ "enabled": false }"""), Ct))
                {
                    Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
                }

                break;
            case "delete connector":
                Assert.Equal(HttpStatusCode.NoContent, (await World.Host.Admin.DeleteAsync($"/api/connectors/{SignInHost.ConnectorId}", Ct)).StatusCode);
                break;
            case "revoke sessions":
                Assert.Equal(HttpStatusCode.NoContent, (await World.Host.Admin.PostAsync($"/api/users/{userId}/revoke-sessions", null, Ct)).StatusCode);
                break;
            case "sign out (copied cookie)":
                using (var ended = await browser.GetAsync("/oidc/session/end"))
                {
                    Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
                }

                break;
            case "confirmed provider change":
                using (var changed = await World.Host.Admin.PatchAsync($"/api/connectors/{SignInHost.ConnectorId}",
                    HttpJson.Body("""{ "confirmProviderChange": true, "config": { "clientId": "another-client" } }"""), Ct))
                {
                    Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
                }

                break;
            case "delete and re-create the connector":
                Assert.Equal(HttpStatusCode.NoContent, (await World.Host.Admin.DeleteAsync($"/api/connectors/{SignInHost.ConnectorId}", Ct)).StatusCode);
                await World.Host.CreateConnectorAsync(profileMap: new() { ["id"] = "sub", ["avatar"] = "picture" });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(path), path, null);
        }
    }

    /// <summary>The session no longer counts: /oidc/auth sends the browser to sign in, and no code comes back.</summary>
    private async Task AssertNextAuthorizationSignsInAgainAsync(Browser browser)
    {
        using var response = await browser.GetAsync(OidcWorld.AuthorizePath(App, Pkce.Create()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in?returnTo=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var account = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
    }

    private async Task<Granted> SignInAndRedeemAsync(Browser browser)
    {
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, App, pkce);
        using var response = await World.RedeemAsync(App, code, pkce);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = await response.ReadJsonAsync();
        var idToken = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens["id_token"]!.GetValue<string>());
        return new Granted(Guid.Parse(idToken.Subject), tokens["access_token"]!.GetValue<string>(), tokens["refresh_token"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> UserInfoAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/oidc/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var client = World.Client();
        return await client.SendAsync(request, Ct);
    }

    private async Task PatchUserAsync(Guid userId, string body)
    {
        using var response = await World.Host.Admin.PatchAsync($"/api/users/{userId}", HttpJson.Body(body, "application/merge-patch+json"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }


    private sealed record Granted(Guid UserId, string AccessToken, string RefreshToken);
}
