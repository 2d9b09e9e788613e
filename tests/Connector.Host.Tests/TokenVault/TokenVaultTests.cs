using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.TokenVault;

/// <summary>
/// The token vault through the admin API (<c>docs/token-vault.md</c>): what a sign-in stores, what the route answers,
/// a refresh (once, under the lock, even from two instances), a refused refresh, and what unlinking, erasing and
/// turning storage off leave behind.
/// </summary>
public sealed class TokenVaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_WithStorageOn_StoresTheTokensEncrypted_AndTheAdminRouteAnswersTheAccessToken()
    {
        await using var world = await VaultWorld.StartAsync();
        var host = world.StartHost();
        using var admin = host.CreateAdminClient();
        await world.CreateConnectorAsync(admin, enableTokenStorage: true);
        var signedInAt = world.Clock.GetUtcNow();

        var userId = await world.SignInAsync(host);
        using var response = await VaultWorld.AccessTokenAsync(admin, userId);

        var row = await world.StoredRowTextAsync();
        Assert.NotNull(row);
        Assert.DoesNotContain(VaultWorld.AccessToken, row, StringComparison.Ordinal);
        Assert.DoesNotContain(VaultWorld.RefreshToken, row, StringComparison.Ordinal);
        Assert.DoesNotContain(VaultWorld.IdToken, row, StringComparison.Ordinal);
        Assert.Equal(VaultWorld.RefreshToken, await world.StoredRefreshTokenAsync(host));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "a token answer is not for caches");
        var body = await response.ReadJsonAsync();
        Assert.Equal(VaultWorld.AccessToken, body["accessToken"]!.GetValue<string>());
        Assert.Equal("read:user repo", body["scope"]!.GetValue<string>());
        Assert.Equal(signedInAt.AddSeconds(600).ToUnixTimeSeconds(), body["expiresAt"]!.GetValue<DateTimeOffset>().ToUnixTimeSeconds());
        Assert.Empty(world.RefreshRequests());
        Assert.Equal(["success"], await world.Database.QueryAsync<string>("SELECT outcome FROM audit_events WHERE action = 'identity_token.read'"));
        var logs = world.AllLogs();
        Assert.DoesNotContain(VaultWorld.AccessToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(VaultWorld.RefreshToken, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReturningSignIn_ReplacesTheAccessToken_AndKeepsTheRefreshTokenWhenTheProviderSendsNone()
    {
        await using var world = await VaultWorld.WithUserAsync();
        var (host, admin, userId) = (world.Host, world.Admin, world.UserId);

        var again = await world.SignInAsync(host, """{"access_token":"vault-access-token-3","token_type":"Bearer","expires_in":600}""");
        using var response = await VaultWorld.AccessTokenAsync(admin, userId);

        Assert.Equal(userId, again);
        Assert.Equal(1, await world.StoredRowsAsync());
        var body = await response.ReadJsonAsync();
        Assert.Equal("vault-access-token-3", body["accessToken"]!.GetValue<string>());
        Assert.Equal("read:user repo", body["scope"]!.GetValue<string>());
        Assert.Equal(VaultWorld.RefreshToken, await world.StoredRefreshTokenAsync(host));
    }

    [Fact]
    public async Task SignIn_WithStorageOff_StoresNothing_AndTheRouteAnswersTokenStorageDisabled()
    {
        await using var world = await VaultWorld.StartAsync();
        var host = world.StartHost();
        using var admin = host.CreateAdminClient();
        await world.CreateConnectorAsync(admin, enableTokenStorage: false);

        var userId = await world.SignInAsync(host);
        using var response = await VaultWorld.AccessTokenAsync(admin, userId);

        Assert.Equal(0, await world.StoredRowsAsync());
        await response.AssertProblemAsync(HttpStatusCode.Conflict, "token_storage_disabled");
    }

    [Fact]
    public async Task TheAdminRoute_NeedsTheAdminKey_AndNamesUnknownUsersAndIdentities()
    {
        await using var world = await VaultWorld.WithUserAsync();
        var (host, admin, userId) = (world.Host, world.Admin, world.UserId);
        using var anonymous = host.CreateClient();

        using var withoutKey = await VaultWorld.AccessTokenAsync(anonymous, userId);
        using var unknownUser = await VaultWorld.AccessTokenAsync(admin, Guid.NewGuid());
        using var malformedUser = await admin.GetAsync($"/api/users/not-a-uuid/identities/{VaultWorld.ConnectorId}/access-token", Ct);
        using var unknownConnector = await VaultWorld.AccessTokenAsync(admin, userId, "elsewhere");

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        await unknownUser.AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        await malformedUser.AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        await unknownConnector.AssertProblemAsync(HttpStatusCode.NotFound, "identity_not_found");
    }

    [Fact]
    public async Task AnExpiredToken_AskedForTenTimesOnTwoInstancesAtOnce_IsRefreshedOnce_AndTheRotatedRefreshTokenIsKept()
    {
        await using var world = await VaultWorld.StartAsync();
        // The held refresh must not time out while the ten gather at the lock on a busy machine.
        var patient = new Dictionary<string, string?> { ["Connectors:Outbound:TimeoutSeconds"] = "60" };
        var first = world.StartHost(patient);
        var second = world.StartHost(patient);
        using var admin = first.CreateAdminClient();
        using var otherAdmin = second.CreateAdminClient();
        await world.CreateConnectorAsync(admin, enableTokenStorage: true);
        var userId = await world.SignInAsync(first);
        world.Clock.Advance(TimeSpan.FromSeconds(600));
        // The refresh is held at the provider until every request has reached the lock: the nine others must then
        // wait for it, and find its token when they get the row.
        var refresh = world.Upstream.Holds("POST", FakeProvider.TokenPath, _ => WireRequests.Message(200, "application/json",
            """{"access_token":"vault-access-token-2","token_type":"Bearer","expires_in":3600,"refresh_token":"vault-refresh-token-2"}"""));

        var requests = Enumerable.Range(0, 10)
            .Select(i => Task.Run(() => VaultWorld.AccessTokenAsync(i % 2 == 0 ? admin : otherAdmin, userId), Ct)).ToList();
        await refresh.ArrivalOf(1);
        await world.LockEvents.CountOf(10);
        refresh.Release();
        var responses = await Task.WhenAll(requests);

        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
            Assert.Equal("vault-access-token-2", (await response.ReadJsonAsync())["accessToken"]!.GetValue<string>());
            response.Dispose();
        }

        var sent = Assert.Single(world.RefreshRequests());
        Assert.Equal(VaultWorld.RefreshToken, sent["refresh_token"]);
        Assert.Equal("vault-client", sent["client_id"]);
        Assert.Equal("vault-client-secret", sent["client_secret"]);
        Assert.Equal("vault-refresh-token-2", await world.StoredRefreshTokenAsync(second));
        Assert.Equal(1, await world.Database.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'identity_token.refreshed' AND outcome = 'success'"));
        Assert.DoesNotContain("vault-refresh-token-2", world.AllLogs(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProviderThatDoesNotRotate_KeepsTheOldRefreshTokenForTheNextRefresh()
    {
        await using var world = await VaultWorld.WithUserAsync();
        var (host, admin, userId) = (world.Host, world.Admin, world.UserId);
        world.Upstream.OnTokenJson("""{"access_token":"vault-access-token-2","token_type":"Bearer","expires_in":60}""");

        world.Clock.Advance(TimeSpan.FromSeconds(590)); // inside the 30 s margin: refreshed before it expires
        using var refreshed = await VaultWorld.AccessTokenAsync(admin, userId);
        world.Clock.Advance(TimeSpan.FromSeconds(60));
        using var again = await VaultWorld.AccessTokenAsync(admin, userId);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var requests = world.RefreshRequests();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, form => Assert.Equal(VaultWorld.RefreshToken, form["refresh_token"]));
        Assert.Equal("read:user repo", (await again.ReadJsonAsync())["scope"]!.GetValue<string>()); // no scope in the answer: the granted one stays
    }

    [Fact]
    public async Task ARefusedRefresh_AnswersUpstreamTokenUnavailable_WithTheProvidersWords_AndDropsTheDeadRefreshToken()
    {
        await using var world = await VaultWorld.WithUserAsync();
        var (host, admin, userId) = (world.Host, world.Admin, world.UserId);
        world.Upstream.OnTokenJson("""{"error":"invalid_grant","error_description":"The refresh token was revoked."}""", 400);
        world.Clock.Advance(TimeSpan.FromSeconds(600));

        using var refused = await VaultWorld.AccessTokenAsync(admin, userId);
        using var afterwards = await VaultWorld.AccessTokenAsync(admin, userId);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadGateway, "upstream_token_unavailable");
        Assert.Equal("refresh_refused", problem["reason"]!.GetValue<string>());
        Assert.Equal("invalid_grant", problem["providerError"]!.GetValue<string>());
        Assert.Equal("The refresh token was revoked.", problem["providerErrorDescription"]!.GetValue<string>());
        var second = await afterwards.AssertProblemAsync(HttpStatusCode.BadGateway, "upstream_token_unavailable");
        Assert.Equal("no_refresh_token", second["reason"]!.GetValue<string>());
        Assert.Single(world.RefreshRequests()); // the dead token is not sent again
        Assert.Equal(1, await world.StoredRowsAsync());
        Assert.Null(await world.StoredRefreshTokenAsync(host));
        Assert.Equal(["upstream_token_unavailable"],
            await world.Database.QueryAsync<string>("SELECT outcome FROM audit_events WHERE action = 'identity_token.refreshed'"));
    }

    [Fact]
    public async Task AnUnreachableProvider_AnswersUpstreamTokenUnavailable_AndKeepsTheRefreshToken()
    {
        await using var world = await VaultWorld.WithUserAsync();
        var (host, admin, userId) = (world.Host, world.Admin, world.UserId);
        world.Upstream.OnToken(FakeProvider.Answer(503, "text/html", "<h1>down</h1>"));
        world.Clock.Advance(TimeSpan.FromSeconds(600));

        using var response = await VaultWorld.AccessTokenAsync(admin, userId);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadGateway, "upstream_token_unavailable");
        Assert.Equal("provider_unreachable", problem["reason"]!.GetValue<string>());
        Assert.Null(problem["providerError"]);
        Assert.Equal(VaultWorld.RefreshToken, await world.StoredRefreshTokenAsync(host));
    }

    /// <summary>Unlinking drops the identity, erasing the user: the token row goes with the identity either way.</summary>
    [Theory]
    [InlineData("/identities/" + VaultWorld.ConnectorId, "identity_not_found")]
    [InlineData("", "user_not_found")]
    public async Task AfterUnlinkOrErasure_TheRouteRefuses_AndTheTokensAreGone(string deleted, string code)
    {
        await using var world = await VaultWorld.WithUserAsync();
        var (host, admin, userId) = (world.Host, world.Admin, world.UserId);
        Assert.Equal(1, await world.StoredRowsAsync());

        using var deletion = await admin.DeleteAsync($"/api/users/{userId}{deleted}", Ct);
        using var response = await VaultWorld.AccessTokenAsync(admin, userId);

        Assert.Equal(HttpStatusCode.NoContent, deletion.StatusCode);
        await response.AssertProblemAsync(HttpStatusCode.NotFound, code);
        Assert.Equal(0, await world.StoredRowsAsync());
    }

    [Fact]
    public async Task TurningStorageOff_DeletesTheStoredTokens_AndARetrievalIsRefused()
    {
        await using var world = await VaultWorld.WithUserAsync();
        var (host, admin, userId) = (world.Host, world.Admin, world.UserId);
        Assert.Equal(1, await world.StoredRowsAsync());

        using var patched = await admin.PatchAsync($"/api/connectors/{VaultWorld.ConnectorId}",
            HttpJson.Body("""{"enableTokenStorage":false}""", "application/merge-patch+json"), Ct);
        using var response = await VaultWorld.AccessTokenAsync(admin, userId);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(0, await world.StoredRowsAsync());
        await response.AssertProblemAsync(HttpStatusCode.Conflict, "token_storage_disabled");
    }
}
