using System.Net;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.Oidc;
using Connector.Host.Tests.SignIn;

namespace Connector.Host.Tests.Console.Users;

/// <summary>
/// <c>/console/users</c>: find a user by email, page through, read a user's identities and profiles, and change
/// them — disable, enable, sign out everywhere, unlink, delete — through the admin API's own service, audited with
/// the operator as actor; unlinking and deleting ask first; forms without the page's token do nothing.
/// </summary>
public sealed class UsersConsoleTests : IAsyncLifetime
{
    private const string SessionCookie = "connectors.session";

    private OidcWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string PrimaryActor => AdminKeys.PrimaryActor;

    private SignInHost Host => _world.Host;

    public async ValueTask InitializeAsync() => _world = await OidcWorld.StartAsync();

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Search_ByEmail_FindsTheUser_AndTheirPageShowsTheIdentityWithBothProfilesAndTheLastSignIn()
    {
        var ada = await SignInAsync(OidcWorld.UpstreamProfile);
        await SignInAsync("""{"sub":"upstream-8","name":"Grace Hopper","email":"grace@example.com"}""");
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);

        var list = await visitor.GetAsync("/console/users?search=ADA%40example");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        var row = Assert.Single(list.Document.QuerySelectorAll("table.users tbody tr"));
        Assert.Equal($"user-{ada}", row.Id);
        Assert.Contains("ada@example.com", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(SignInHost.ConnectorId, row.TextContent, StringComparison.Ordinal);
        Assert.Equal("ADA@example", list.Document.QuerySelector("#f-search")!.GetAttribute("value"));
        var href = row.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/console/users/{ada}", href);

        var detail = await visitor.GetAsync(href);

        Assert.Equal("Ada Lovelace", detail.Heading);
        var identity = Assert.Single(detail.Document.QuerySelectorAll("article.identity"));
        Assert.Contains("upstream-7", identity.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"picture\": \"https://cdn.example/ada.png\"", identity.QuerySelector("pre.raw")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"upstream-7\"", identity.QuerySelector("pre.normalized")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(identity.QuerySelector("dd time[datetime]"));
        Assert.Equal(3, identity.QuerySelectorAll("time").Length); // last sign-in, linked, profile changed
    }

    [Fact]
    public async Task TheList_PagesThroughEveryUserOnce_NewestFirst_AndASearchWithoutMatchSaysSo()
    {
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        var seeded = new List<Guid>();
        for (var i = 0; i < 53; i++)
        {
            seeded.Add(await Seed.UserAsync(Host.Database, $"User {i:00}", $"user{i:00}@example.com", start.AddMilliseconds(i)));
        }

        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);

        var first = await visitor.GetAsync("/console/users");
        var next = first.Document.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var second = await visitor.GetAsync(next);

        Assert.Equal(50, RowIds(first).Count);
        Assert.Null(first.Document.QuerySelector(".pager a:not([rel])"));
        Assert.Equal([.. Enumerable.Reverse(seeded)], [.. RowIds(first), .. RowIds(second)]);
        Assert.Null(second.Document.QuerySelector(".pager a[rel=next]"));
        Assert.Equal("/console/users", second.Document.QuerySelector(".pager a:not([rel])")!.GetAttribute("href"));
        var none = await visitor.GetAsync("/console/users?search=nobody");
        Assert.Empty(RowIds(none));
        Assert.Contains("nobody", none.Document.QuerySelector(".empty")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadPageOrTooLongSearch_Is400_WithTheErrorBesideTheSearchField()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);

        var page = await visitor.GetAsync($"/console/users?search={new string('a', 321)}");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Single(page.ErrorsOf("search"));
        Assert.NotNull(page.Document.QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task Disable_RefusesTheUsersNextSignIn_IsAuditedWithTheOperator_AndEnableLetsThemBackIn()
    {
        var ada = await SignInAsync(OidcWorld.UpstreamProfile);
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);

        using var disabled = await visitor.PostFormAsync(Path(ada), $"{Path(ada)}/disable", []);

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var after = await visitor.GetAsync(disabled.Headers.Location!.OriginalString);
        Assert.Equal("The user was disabled and signed out everywhere.", after.Notice);
        Assert.Contains("Disabled", after.Document.QuerySelector(".access-item .badge")!.TextContent, StringComparison.Ordinal);
        Assert.True((await AdminUserAsync(ada))["disabled"]!.GetValue<bool>());
        using (var refused = Host.NewBrowser())
        {
            using var callback = await refused.SignInAsync(SignInHost.ConnectorId);
            Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
            Assert.Contains("user_disabled", await callback.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using var enabled = await visitor.PostFormAsync(Path(ada), $"{Path(ada)}/enable", []);

        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.False((await AdminUserAsync(ada))["disabled"]!.GetValue<bool>());
        using var again = Host.NewBrowser();
        using var welcome = await again.SignInAsync(SignInHost.ConnectorId);
        Assert.Equal(HttpStatusCode.Redirect, welcome.StatusCode);
        Assert.Equal([PrimaryActor, PrimaryActor], await ActorsAsync("User.Updated", ada));
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheUsersSession_AndIsAuditedWithTheOperator()
    {
        using var browser = Host.NewBrowser();
        using (var callback = await browser.SignInAsync(SignInHost.ConnectorId))
        {
            Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        }

        var ada = await UserOfAsync("upstream-7");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);

        using var response = await visitor.PostFormAsync(Path(ada), $"{Path(ada)}/revoke-sessions", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
        Assert.Equal([PrimaryActor], await ActorsAsync("User.SessionsRevoked", ada));
        Assert.False((await AdminUserAsync(ada))["disabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Unlink_AsksFirst_ThenRemovesTheIdentity_KeepsTheUser_AndIsAuditedWithTheOperator()
    {
        var ada = await SignInAsync(OidcWorld.UpstreamProfile);
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        var unlink = $"{Path(ada)}/identities/{SignInHost.ConnectorId}/unlink";
        var detail = await visitor.GetAsync(Path(ada));
        Assert.Equal(unlink, detail.Document.QuerySelector("article.identity a.button")!.GetAttribute("href"));

        var confirm = await visitor.GetAsync(unlink);

        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains("upstream-7", confirm.Document.QuerySelector(".panel.danger p")!.TextContent, StringComparison.Ordinal);
        Assert.Single((await AdminUserAsync(ada))["identities"]!.AsArray());

        using var done = await visitor.SubmitAsync(confirm.Document, unlink, []);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("The identity was unlinked.", (await visitor.GetAsync(done.Headers.Location!.OriginalString)).Notice);
        Assert.Empty((await AdminUserAsync(ada))["identities"]!.AsArray());
        Assert.Equal([PrimaryActor], await ActorsAsync("Identity.Unlinked", ada));
    }

    [Fact]
    public async Task Delete_AsksFirst_ThenErasesTheUser_AndIsAuditedWithTheOperator()
    {
        var ada = await SignInAsync(OidcWorld.UpstreamProfile);
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        var delete = $"{Path(ada)}/delete";
        Assert.Equal(delete, (await visitor.GetAsync(Path(ada))).Document.QuerySelector("a.button.danger")!.GetAttribute("href"));

        var confirm = await visitor.GetAsync(delete);

        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains("Ada Lovelace", confirm.Document.QuerySelector(".panel.danger p")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await Host.CountAsync("users"));

        using var done = await visitor.SubmitAsync(confirm.Document, delete, []);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/console/users?notice=userDeleted", done.Headers.Location!.OriginalString);
        using var gone = await Host.Admin.GetAsync($"/api/users/{ada}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal([PrimaryActor], await ActorsAsync("User.Deleted", ada));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Path(ada))).Status);
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("revoke-sessions")]
    [InlineData("roles")]
    [InlineData("delete")]
    [InlineData("identities/acme/unlink")]
    public async Task AFormWithoutThePagesToken_IsRefused_AndChangesNothing(string action)
    {
        var ada = await SignInAsync(OidcWorld.UpstreamProfile);
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);

        using var forged = await visitor.PostForgedAsync($"{Path(ada)}/{action}", new() { ["roles"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var user = await AdminUserAsync(ada);
        Assert.False(user["disabled"]!.GetValue<bool>());
        Assert.Empty(user["roles"]!.AsArray());
        Assert.Single(user["identities"]!.AsArray());
        Assert.Equal(0, await Host.Database.CountAsync("SELECT count(*) FROM audit_events WHERE action LIKE 'User.%' OR action LIKE 'Identity.Unlinked'"));
    }

    [Fact]
    public async Task TheOperatorRole_IsGivenAndTakenWithItsCheckbox()
    {
        var ada = await SignInAsync(OidcWorld.UpstreamProfile);
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);

        using var given = await visitor.PostFormAsync(Path(ada), $"{Path(ada)}/roles", new() { ["roles"] = "true" });
        var withRole = (await AdminUserAsync(ada))["roles"]!.AsArray().Select(role => role!.GetValue<string>()).ToList();
        using var taken = await visitor.PostFormAsync(Path(ada), $"{Path(ada)}/roles", []);

        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Equal(["operator"], withRole);
        Assert.Empty((await AdminUserAsync(ada))["roles"]!.AsArray());
    }

    [Theory]
    [InlineData("/console/users/0190f3a4-0000-7000-8000-000000000001")]
    [InlineData("/console/users/not-an-id")]
    [InlineData("/console/users/0190f3a4-0000-7000-8000-000000000001/delete")]
    public async Task AnUnknownUser_Is404(string path)
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);

        var page = await visitor.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("user_not_found", page.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    private static string Path(Guid user) => $"/console/users/{user}";

    private static List<Guid> RowIds(ConsolePage page) =>
        [.. page.Document.QuerySelectorAll("table.users tbody tr").Select(row => Guid.Parse(row.Id!["user-".Length..]))];

    /// <summary>A user signed in through the real flow with <paramref name="profile"/> from the provider.</summary>
    private async Task<Guid> SignInAsync(string profile)
    {
        Host.Upstream.SignsIn(profile);
        using var browser = Host.NewBrowser();
        using var callback = await browser.SignInAsync(SignInHost.ConnectorId);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.True(browser.HasCookie(SessionCookie));
        return await UserOfAsync(System.Text.Json.Nodes.JsonNode.Parse(profile)!["sub"]!.GetValue<string>());
    }

    private async Task<Guid> UserOfAsync(string subject) =>
        Assert.Single(await Host.Database.QueryAsync<Guid>("SELECT user_id FROM user_identities WHERE subject = @subject", new { subject }));

    private async Task<System.Text.Json.Nodes.JsonNode> AdminUserAsync(Guid user)
    {
        using var response = await Host.Admin.GetAsync($"/api/users/{user}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private async Task<IReadOnlyList<string>> ActorsAsync(string action, Guid target) =>
        await Host.Database.QueryAsync<string>("SELECT actor FROM audit_events WHERE action = @action AND target = @target ORDER BY id",
            new { action, target = target.ToString() });
}
