using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.Oidc;
using Connector.Host.Tests.SignIn;
using Dapper;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Connector.Host.Tests.Lifecycle;

/// <summary>
/// <c>syncProfile</c> (Logto's name, default false): without it the user's profile is the one of the first sign-in,
/// though the identity keeps the provider's latest; with it every sign-in refreshes the user, and apps see the new
/// values in the ID token of a new authorization, of a refresh-token grant, and at <c>/oidc/me</c>.
/// </summary>
public sealed class ProfileSyncTests : OidcAppTests
{
    // The person renamed themselves and moved to another (now verified) address at the provider.
    private const string ChangedProfile =
        """{"sub":"upstream-7","name":"Ada King","email":"countess@lovelace.example","email_verified":true,"picture":"https://cdn.example/ada.png"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangedProfile_WithoutSyncProfile_KeepsTheFirstValuesInIdTokensAndUserInfo_ButRefreshesTheIdentity()
    {
        var first = await World.SignInAndRedeemAsync(App);
        World.Host.Upstream.SignsIn(ChangedProfile);

        var second = await World.SignInAndRedeemAsync(App);
        using var refresh = await World.RefreshAsync(App, RefreshToken(first));

        Assert.Equal(2, World.Host.Upstream.Requests(FakeProvider.UserInfoPath).Count); // the second authorization signed in upstream again
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        foreach (var idToken in new[] { IdToken(second), IdToken(await refresh.ReadJsonAsync()) })
        {
            Assert.Equal("Ada Lovelace", idToken.GetClaim("name").Value);
            Assert.Equal("ada@example.com", idToken.GetClaim("email").Value);
            Assert.False(idToken.GetPayloadValue<bool>("email_verified"));
        }

        var userInfo = await UserInfoAsync(second);
        Assert.Equal("Ada Lovelace", userInfo["name"]!.GetValue<string>());
        Assert.Equal("ada@example.com", userInfo["email"]!.GetValue<string>());
        await using var connection = await World.Host.Database.OpenAsync();
        var user = await connection.QuerySingleAsync<(string Name, string Email)>("SELECT name, email FROM users");
        Assert.Equal(("Ada Lovelace", "ada@example.com"), user);
        var identity = await connection.QuerySingleAsync<(string Name, string Email, string RawName)>(
            "SELECT profile->>'name', profile->>'email', raw_profile->>'name' FROM user_identities");
        Assert.Equal(("Ada King", "countess@lovelace.example", "Ada King"), identity);
    }

    [Fact]
    public async Task ChangedProfile_WithSyncProfile_ReachesTheIdTokenOfANewAuthorization_AndUserInfo()
    {
        await EnableSyncProfileAsync();
        var first = await World.SignInAndRedeemAsync(App);
        Assert.Equal("Ada Lovelace", IdToken(first).GetClaim("name").Value);
        World.Host.Upstream.SignsIn(ChangedProfile);

        var second = await World.SignInAndRedeemAsync(App);

        var idToken = IdToken(second);
        Assert.Equal(IdToken(first).Subject, idToken.Subject);
        Assert.Equal("Ada King", idToken.GetClaim("name").Value);
        Assert.Equal("countess@lovelace.example", idToken.GetClaim("email").Value);
        Assert.True(idToken.GetPayloadValue<bool>("email_verified"));
        var userInfo = await UserInfoAsync(second);
        Assert.Equal("Ada King", userInfo["name"]!.GetValue<string>());
        Assert.Equal("countess@lovelace.example", userInfo["email"]!.GetValue<string>());
        Assert.True(userInfo["email_verified"]!.GetValue<bool>());
        await using var connection = await World.Host.Database.OpenAsync();
        var user = await connection.QuerySingleAsync<(string Name, string Email, bool EmailVerified)>("SELECT name, email, email_verified FROM users");
        Assert.Equal(("Ada King", "countess@lovelace.example", true), user);
    }

    [Fact]
    public async Task ChangedProfile_WithSyncProfile_ReachesTheIdTokenOfARefreshTokenGrant_AndTheEarlierAccessTokensUserInfo()
    {
        await EnableSyncProfileAsync();
        var first = await World.SignInAndRedeemAsync(App);
        World.Host.Upstream.SignsIn(ChangedProfile);
        using (var elsewhere = World.Host.NewBrowser())
        {
            // The user signs in again somewhere else (no app involved): only this sign-in brings the new profile.
            using var callback = await elsewhere.SignInAsync(SignInHost.ConnectorId);
            Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        }

        using var refresh = await World.RefreshAsync(App, RefreshToken(first));

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var idToken = IdToken(await refresh.ReadJsonAsync());
        Assert.Equal(IdToken(first).Subject, idToken.Subject);
        Assert.Equal("Ada King", idToken.GetClaim("name").Value);
        Assert.Equal("countess@lovelace.example", idToken.GetClaim("email").Value);
        var userInfo = await UserInfoAsync(first);
        Assert.Equal("Ada King", userInfo["name"]!.GetValue<string>());
        Assert.Equal("countess@lovelace.example", userInfo["email"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReturningSignIn_WithAnUnchangedProfile_WritesOnlyTheSignInStateAndTheAudit(bool syncProfile)
    {
        if (syncProfile)
        {
            await EnableSyncProfileAsync();
        }

        using (var first = World.Host.NewBrowser())
        {
            using var callback = await first.SignInAsync(SignInHost.ConnectorId);
            Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        }

        var database = World.Host.Database;
        var stamps = await database.QueryAsync<DateTime>("SELECT updated_at FROM users UNION ALL SELECT updated_at FROM user_identities");
        World.Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var before = await RowVersions.TakeAsync(database);
        using var second = World.Host.NewBrowser();

        using var response = await second.SignInAsync(SignInHost.ConnectorId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["audit_events", "sign_in_states"], before.TablesChangedBy(await RowVersions.TakeAsync(database)));
        Assert.Equal(stamps, await database.QueryAsync<DateTime>("SELECT updated_at FROM users UNION ALL SELECT updated_at FROM user_identities"));
        Assert.Equal(1, await World.Host.CountAsync("users"));
        Assert.Equal(1, await World.Host.CountAsync("user_identities"));
        Assert.Equal(["success", "success"], await World.Host.AuditOutcomesAsync());
        var userId = Assert.Single(await database.QueryAsync<Guid>("SELECT id FROM users"));
        var audited = await database.QueryAsync<(string Actor, string Target, bool NewUser, bool Linked, string Endpoints)>("""
            SELECT actor, target, (details->>'newUser')::boolean, (details->>'linked')::boolean,
                   (SELECT string_agg(call->>'endpoint', ',') FROM jsonb_array_elements(details->'providerCalls') AS call)
            FROM audit_events WHERE action = 'sign_in' ORDER BY id
            """);
        Assert.Equal(
            [($"user:{userId}", SignInHost.ConnectorId, true, false, "token,userinfo"), ($"user:{userId}", SignInHost.ConnectorId, false, false, "token,userinfo")],
            audited);
    }

    private async Task EnableSyncProfileAsync()
    {
        using var response = await World.Host.Admin.PatchAsync($"/api/connectors/{SignInHost.ConnectorId}",
            HttpJson.Body("""{ "syncProfile": true }""", "application/merge-patch+json"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["syncProfile"]!.GetValue<bool>());
    }

    private async Task<JsonNode> UserInfoAsync(JsonNode tokens)
    {
        using var client = World.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["access_token"]!.GetValue<string>());
        using var response = await client.GetAsync("/oidc/me", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static JsonWebToken IdToken(JsonNode tokens) => new(tokens["id_token"]!.GetValue<string>());

    private static string RefreshToken(JsonNode tokens) => tokens["refresh_token"]!.GetValue<string>();
}
