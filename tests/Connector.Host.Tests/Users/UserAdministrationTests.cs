using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.Oidc;
using Connector.Host.Tests.SignIn;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Connector.Host.Tests.Users;

/// <summary>
/// The operator's hand on users: <c>PATCH /api/users/{id}</c> (merge patch of disabled and roles), erase, unlink an
/// identity, sign out everywhere; each audited with the admin key that did it as the actor.
/// </summary>
public sealed class UserAdministrationTests : OidcAppTests
{
    private const string MergePatch = "application/merge-patch+json";
    private const string SessionCookie = "connectors.session";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The audit's name for the secondary admin key, which makes every change here (a fingerprint of it, never the key).</summary>
    private static string SecondaryActor => AdminKeys.ActorOf(AdminKeys.Secondary);

    [Fact]
    public async Task Patch_Disabled_Returns200_StoresIt_AndAuditsUserUpdatedWithTheKeysActor()
    {
        var (user, browser) = await SignedInUserAsync();
        browser.Dispose();
        using var operatorClient = World.Factory.CreateAdminClient(AdminKeys.Secondary);

        using var response = await operatorClient.PatchAsync($"/api/users/{user}", HttpJson.Body("""{ "disabled": true }""", MergePatch), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(user, body["id"]!.GetValue<Guid>());
        Assert.True(body["disabled"]!.GetValue<bool>());
        Assert.Single(body["identities"]!.AsArray());
        Assert.Equal(1, await World.Host.Database.CountAsync("SELECT count(*) FROM users WHERE id = @user AND disabled", new { user }));
        var audit = Assert.Single(await AuditAsync("User.Updated"));
        Assert.Equal((SecondaryActor, user.ToString(), "success"), (audit.Actor, audit.Target, audit.Outcome));
        Assert.Equal("""{"changed":["disabled"]}""", JsonNode.Parse(audit.Details!)!.ToJsonString());
    }

    [Fact]
    public async Task Patch_IsAMergePatch_RolesAndDisabledChangeIndependently_AndNullClearsRoles()
    {
        var (user, browser) = await SignedInUserAsync();
        browser.Dispose();

        var withRole = await PatchAsync(user, """{ "roles": ["operator"] }""");
        var disabled = await PatchAsync(user, """{ "disabled": true }""");
        var cleared = await PatchAsync(user, """{ "roles": null }""");

        Assert.Equal(["operator"], Roles(withRole));
        Assert.False(withRole["disabled"]!.GetValue<bool>());
        Assert.Equal(["operator"], Roles(disabled));
        Assert.True(disabled["disabled"]!.GetValue<bool>());
        Assert.Empty(Roles(cleared));
        Assert.True(cleared["disabled"]!.GetValue<bool>());
        var stored = await World.Host.Database.QueryAsync<(bool Disabled, string[] Roles)>("SELECT disabled, roles FROM users WHERE id = @user", new { user });
        Assert.True(stored[0].Disabled);
        Assert.Empty(stored[0].Roles);
    }

    [Fact]
    public async Task Patch_WithAnUnknownField_Is400UnknownField_AndChangesNothing()
    {
        var (user, browser) = await SignedInUserAsync();
        browser.Dispose();

        using var response = await World.Host.Admin.PatchAsync($"/api/users/{user}", HttpJson.Body("""{ "disabled": true, "nickname": "Ada" }""", MergePatch), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["unknown_field"], problem.CodesFor("nickname"));
        Assert.Equal(0, await World.Host.Database.CountAsync("SELECT count(*) FROM users WHERE disabled"));
        Assert.Empty(await AuditAsync("User.Updated"));
    }

    [Fact]
    public async Task Patch_WithARoleThatDoesNotExist_Is400OneOf_AtThatRole()
    {
        var (user, browser) = await SignedInUserAsync();
        browser.Dispose();

        using var response = await World.Host.Admin.PatchAsync($"/api/users/{user}", HttpJson.Body("""{ "roles": ["operator", "admin"] }""", MergePatch), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["one_of"], problem.CodesFor("roles.1"));
        Assert.Empty(problem.CodesFor("roles.0"));
        Assert.Equal(0, await World.Host.Database.CountAsync("SELECT count(*) FROM users WHERE cardinality(roles) > 0"));
    }

    [Theory]
    [InlineData("0190f3a4-0000-7000-8000-000000000001")]
    [InlineData("not-a-uuid")]
    public async Task Patch_OfAnUnknownUser_Is404UserNotFound(string id)
    {
        using var response = await World.Host.Admin.PatchAsync($"/api/users/{id}", HttpJson.Body("""{ "disabled": true }""", MergePatch), Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    [Fact]
    public async Task Disabling_SignsTheUserOut_AndEnablingAgainDoesNotReopenTheOldSession()
    {
        var (user, browser) = await SignedInUserAsync();
        using (browser)
        {
            var cookie = SessionCookieOf(browser);
            Assert.Equal(HttpStatusCode.OK, await AccountWithAsync(cookie));

            await PatchAsync(user, """{ "disabled": true }""");
            var whileDisabled = await AccountWithAsync(cookie);
            await PatchAsync(user, """{ "disabled": false }""");

            Assert.Equal(HttpStatusCode.Redirect, whileDisabled);
            Assert.Equal(HttpStatusCode.Redirect, await AccountWithAsync(cookie));
        }

        using var again = World.Host.NewBrowser();
        using var callback = await again.SignInAsync(SignInHost.ConnectorId);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await AccountWithAsync(SessionCookieOf(again)));
    }

    [Fact]
    public async Task Delete_ErasesTheUserWithIdentitiesAndOidcGrants_KeepsOthersAndTheAuditWithoutTheProfile()
    {
        var erased = await World.SignInAndRedeemAsync(App);
        var user = await UserOfAsync("upstream-7");
        World.Host.Upstream.SignsIn("""{"sub":"upstream-8","name":"Grace Hopper","email":"grace@example.com"}""");
        var kept = await World.SignInAndRedeemAsync(App);
        var other = await UserOfAsync("upstream-8");
        Assert.True(await GrantRowsAsync(user) > 0);
        using var operatorClient = World.Factory.CreateAdminClient(AdminKeys.Secondary);

        using var response = await operatorClient.DeleteAsync($"/api/users/{user}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var database = World.Host.Database;
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM users WHERE id = @user", new { user }));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM user_identities WHERE user_id = @user", new { user }));
        Assert.Equal(0, await GrantRowsAsync(user));
        Assert.True(await GrantRowsAsync(other) > 0);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM user_identities WHERE user_id = @other", new { other }));
        Assert.Equal(2, await database.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'sign_in'"));
        var audit = Assert.Single(await AuditAsync("User.Deleted"));
        Assert.Equal((SecondaryActor, user.ToString(), "success"), (audit.Actor, audit.Target, audit.Outcome));
        var events = string.Join('\n', await database.QueryAsync<string>("SELECT e::text FROM audit_events e"));
        Assert.DoesNotContain("Ada", events, StringComparison.Ordinal);
        Assert.DoesNotContain("ada@example.com", events, StringComparison.Ordinal);
        using var refresh = await World.RefreshAsync(App, erased["refresh_token"]!.GetValue<string>());
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(refresh)).Error);
        using var stillWorks = await World.RefreshAsync(App, kept["refresh_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
        await (await World.Host.Admin.GetAsync($"/api/users/{user}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        await (await World.Host.Admin.DeleteAsync($"/api/users/{user}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    [Fact]
    public async Task UnlinkIdentity_Returns204_RemovesOnlyThatIdentity_ThenIs404IdentityNotFound()
    {
        var (user, browser) = await SignedInUserAsync();
        browser.Dispose();
        await using (var connection = await World.Host.Database.OpenAsync())
        {
            // A second identity of the same user, from a connector that exists no more.
            await connection.ExecuteAsync("""
                INSERT INTO user_identities (user_id, connector_id, generation, subject, profile, raw_profile, created_at, updated_at)
                VALUES (@user, 'retired', gen_random_uuid(), 'old-subject', '{"id":"old-subject"}', '{}', now(), now())
                """, new { user });
        }

        using var operatorClient = World.Factory.CreateAdminClient(AdminKeys.Secondary);

        using var response = await operatorClient.DeleteAsync($"/api/users/{user}/identities/{SignInHost.ConnectorId}", Ct);
        using var again = await operatorClient.DeleteAsync($"/api/users/{user}/identities/{SignInHost.ConnectorId}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await again.AssertProblemAsync(HttpStatusCode.NotFound, "identity_not_found");
        var remaining = await World.Host.Database.QueryAsync<string>("SELECT connector_id FROM user_identities WHERE user_id = @user", new { user });
        Assert.Equal(["retired"], remaining);
        var audit = Assert.Single(await AuditAsync("Identity.Unlinked"));
        Assert.Equal((SecondaryActor, user.ToString(), "success"), (audit.Actor, audit.Target, audit.Outcome));
        Assert.Equal(SignInHost.ConnectorId, JsonNode.Parse(audit.Details!)!["connectorId"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnlinkIdentity_OfAnUnknownUser_Is404UserNotFound()
    {
        using var response = await World.Host.Admin.DeleteAsync($"/api/users/0190f3a4-0000-7000-8000-000000000001/identities/{SignInHost.ConnectorId}", Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    [Fact]
    public async Task RevokeSessions_Returns204_EndsTheUsersSessions_AndIsAuditedWithTheKeysActor()
    {
        var (user, browser) = await SignedInUserAsync();
        using (browser)
        {
            var cookie = SessionCookieOf(browser);
            using var operatorClient = World.Factory.CreateAdminClient(AdminKeys.Secondary);

            using var response = await operatorClient.PostAsync($"/api/users/{user}/revoke-sessions", null, Ct);

            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, await AccountWithAsync(cookie));
        }

        var audit = Assert.Single(await AuditAsync("User.SessionsRevoked"));
        Assert.Equal((SecondaryActor, user.ToString(), "success"), (audit.Actor, audit.Target, audit.Outcome));
        Assert.Equal(0, await World.Host.Database.CountAsync("SELECT count(*) FROM users WHERE disabled"));
        await (await World.Host.Admin.PostAsync("/api/users/0190f3a4-0000-7000-8000-000000000001/revoke-sessions", null, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    /// <summary>Ada signed in through the real flow; the browser holds her session.</summary>
    private async Task<(Guid User, Browser Browser)> SignedInUserAsync()
    {
        var browser = World.Host.NewBrowser();
        using var callback = await browser.SignInAsync(SignInHost.ConnectorId);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return (await UserOfAsync("upstream-7"), browser);
    }

    private async Task<Guid> UserOfAsync(string subject) =>
        Assert.Single(await World.Host.Database.QueryAsync<Guid>("SELECT user_id FROM user_identities WHERE subject = @subject", new { subject }));

    private async Task<JsonNode> PatchAsync(Guid user, string patch)
    {
        using var response = await World.Host.Admin.PatchAsync($"/api/users/{user}", HttpJson.Body(patch, MergePatch), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static string[] Roles(JsonNode user) => [.. user["roles"]!.AsArray().Select(role => role!.GetValue<string>())];

    private static string SessionCookieOf(Browser browser) =>
        browser.Cookies.GetCookies(Browser.Origin)[SessionCookie]?.Value ?? throw new InvalidOperationException("The browser has no session.");

    /// <summary>GET /account with a copy of a session cookie, as someone who kept it would send it.</summary>
    private async Task<HttpStatusCode> AccountWithAsync(string sessionCookie)
    {
        using var client = World.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", $"{SessionCookie}={sessionCookie}");
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private Task<long> GrantRowsAsync(Guid user) => World.Host.Database.CountAsync(
        "SELECT (SELECT count(*) FROM oidc_authorizations WHERE subject = @Subject) + (SELECT count(*) FROM oidc_tokens WHERE subject = @Subject)",
        new { Subject = user.ToString() });

    private Task<IReadOnlyList<(string Actor, string Target, string Outcome, string? Details)>> AuditAsync(string action) =>
        World.Host.Database.QueryAsync<(string, string, string, string?)>(
            "SELECT actor, target, outcome, details::text FROM audit_events WHERE action = @action ORDER BY id", new { action });
}
