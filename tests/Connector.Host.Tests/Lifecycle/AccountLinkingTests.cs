using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;
using Dapper;

namespace Connector.Host.Tests.Lifecycle;

/// <summary>
/// <c>accountLinking: verifiedEmail</c>: a first sign-in joins the user who has the same verified email, when this
/// connector's email is verified (or <c>trustEmail</c> vouches for it); otherwise, and always with <c>none</c>, every new
/// (connector, subject) is a new user.
/// </summary>
public sealed class AccountLinkingTests : IAsyncLifetime
{
    // "acme" links nothing; it makes the user that "beta" (verifiedEmail) may join.
    private const string Acme = "acme";
    private const string Beta = "beta";

    private LifecycleWorld _world = null!;

    private static JsonObject VerifiedEmailLinking => new() { ["accountLinking"] = "verifiedEmail" };

    public async ValueTask InitializeAsync()
    {
        _world = await LifecycleWorld.StartAsync();
        await _world.CreateConnectorAsync(Acme);
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task FirstSignIn_WithTheSameVerifiedEmailInAnotherCase_JoinsTheExistingUser()
    {
        await _world.CreateConnectorAsync(Beta, VerifiedEmailLinking);
        var existing = await ExistingUserAsync(emailVerified: true);
        _world.SignsIn(Beta, """{"sub":"beta-1","name":"Ada at Beta","email":"ADA@example.COM","email_verified":true}""");

        using var browser = await _world.SignedInAsync(Beta);

        Assert.Equal(existing, await _world.UserOfAsync(Beta, "beta-1"));
        Assert.Equal(1, await _world.Host.CountAsync("users"));
        Assert.Equal(2, await _world.Host.CountAsync("user_identities"));
        using var account = await browser.GetAsync("/account");
        Assert.Contains("Ada Lovelace", await account.Content.ReadAsStringAsync(LifecycleWorld.Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Linking_WritesAnIdentityLinkedAuditEvent_ForTheJoinedUser()
    {
        await _world.CreateConnectorAsync(Beta, VerifiedEmailLinking);
        var existing = await ExistingUserAsync(emailVerified: true);
        _world.SignsIn(Beta, """{"sub":"beta-1","email":"ada@example.com","email_verified":true}""");

        using var browser = await _world.SignedInAsync(Beta);

        var linked = Assert.Single(await _world.Database.QueryAsync<(string Actor, string Target, string Outcome, string ConnectorId)>(
            "SELECT actor, target, outcome, details->>'connectorId' FROM audit_events WHERE action = 'Identity.Linked'"));
        Assert.Equal(($"user:{existing}", existing.ToString(), "success", Beta), linked);
        var signIn = await _world.Database.QueryAsync<(bool NewUser, bool Linked)>(
            "SELECT (details->>'newUser')::boolean, (details->>'linked')::boolean FROM audit_events WHERE action = 'sign_in' ORDER BY id");
        Assert.Equal([(true, false), (false, true)], signIn);
    }

    [Fact]
    public async Task LinkingSignIn_ThroughASyncProfileConnector_TakesItsProfileAtOnce_NotAtTheNextSignIn()
    {
        await _world.CreateConnectorAsync(Beta, new JsonObject { ["accountLinking"] = "verifiedEmail", ["syncProfile"] = true });
        var existing = await ExistingUserAsync(emailVerified: true);
        _world.SignsIn(Beta, """{"sub":"beta-1","name":"Ada Byron","email":"ada@example.com","email_verified":true}""");

        (await _world.SignedInAsync(Beta)).Dispose();
        var linked = await _world.Database.QueryAsync<(string Name, string Email)>("SELECT name, email FROM users WHERE id = @existing", new { existing });
        var before = await RowVersions.TakeAsync(_world.Database);
        (await _world.SignedInAsync(Beta)).Dispose();

        Assert.Equal([("Ada Byron", "ada@example.com")], linked);
        // Nothing changed at the provider since, so the next sign-in has nothing to bring to the user.
        Assert.DoesNotContain("users", before.TablesChangedBy(await RowVersions.TakeAsync(_world.Database)));
    }

    [Fact]
    public async Task FirstSignIn_WithAnEmailTheProviderDidNotVerify_CreatesANewUser()
    {
        await _world.CreateConnectorAsync(Beta, VerifiedEmailLinking);
        var existing = await ExistingUserAsync(emailVerified: true);
        _world.SignsIn(Beta, """{"sub":"beta-1","email":"ada@example.com","email_verified":false}""");

        using var browser = await _world.SignedInAsync(Beta);

        Assert.NotEqual(existing, await _world.UserOfAsync(Beta, "beta-1"));
        Assert.Equal(2, await _world.Host.CountAsync("users"));
        Assert.Equal(0, await _world.Database.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'Identity.Linked'"));
    }

    [Fact]
    public async Task FirstSignIn_WhenTheExistingUsersEmailIsNotVerified_CreatesANewUser()
    {
        await _world.CreateConnectorAsync(Beta, VerifiedEmailLinking);
        var existing = await ExistingUserAsync(emailVerified: false);
        _world.SignsIn(Beta, """{"sub":"beta-1","email":"ada@example.com","email_verified":true}""");

        using var browser = await _world.SignedInAsync(Beta);

        Assert.NotEqual(existing, await _world.UserOfAsync(Beta, "beta-1"));
        Assert.Equal(2, await _world.Host.CountAsync("users"));
    }

    [Fact]
    public async Task FirstSignIn_ThroughATrustEmailConnector_LinksAnEmailTheProviderDidNotMarkVerified()
    {
        await _world.CreateConnectorAsync(Beta, new JsonObject { ["accountLinking"] = "verifiedEmail", ["trustEmail"] = true });
        var existing = await ExistingUserAsync(emailVerified: true);
        _world.SignsIn(Beta, """{"sub":"beta-1","email":"ada@example.com"}""");

        using var browser = await _world.SignedInAsync(Beta);

        Assert.Equal(existing, await _world.UserOfAsync(Beta, "beta-1"));
        Assert.Equal(1, await _world.Host.CountAsync("users"));
    }

    [Fact]
    public async Task FirstSignIn_ThroughAConnectorWithoutLinking_CreatesANewUserDespiteTheSameVerifiedEmail()
    {
        await _world.CreateConnectorAsync(Beta, new JsonObject { ["trustEmail"] = true });
        var existing = await ExistingUserAsync(emailVerified: true);
        _world.SignsIn(Beta, """{"sub":"beta-1","email":"ada@example.com","email_verified":true}""");

        using var browser = await _world.SignedInAsync(Beta);

        Assert.NotEqual(existing, await _world.UserOfAsync(Beta, "beta-1"));
        Assert.Equal(2, await _world.Host.CountAsync("users"));
    }

    [Fact]
    public async Task SecondSubjectOfTheSameConnector_WithTheSameVerifiedEmail_GetsAUserOfItsOwn()
    {
        await _world.CreateConnectorAsync(Beta, VerifiedEmailLinking);
        var existing = await ExistingUserAsync(emailVerified: true);
        _world.SignsIn(Beta, """{"sub":"beta-1","email":"ada@example.com","email_verified":true}""");
        (await _world.SignedInAsync(Beta)).Dispose();
        Assert.Equal(existing, await _world.UserOfAsync(Beta, "beta-1"));
        _world.SignsIn(Beta, """{"sub":"beta-2","email":"ada@example.com","email_verified":true}""");

        using var browser = await _world.SignedInAsync(Beta);

        var second = await _world.UserOfAsync(Beta, "beta-2");
        Assert.NotEqual(existing, second);
        Assert.Equal(2, await _world.Host.CountAsync("users"));
        Assert.Equal(3, await _world.Host.CountAsync("user_identities"));
    }

    [Fact]
    public async Task FirstSignIn_ThatWouldJoinADisabledUser_IsRefusedWithUserDisabled()
    {
        await _world.CreateConnectorAsync(Beta, VerifiedEmailLinking);
        var existing = await ExistingUserAsync(emailVerified: true);
        using (var disable = await _world.Admin.PatchAsync($"/api/users/{existing}", HttpJson.Body("""{"disabled":true}"""), LifecycleWorld.Ct))
        {
            Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        }

        _world.SignsIn(Beta, """{"sub":"beta-1","email":"ada@example.com","email_verified":true}""");

        var (browser, callback) = await _world.SignInAsync(Beta);
        using (browser)
        using (callback)
        {
            await LifecycleWorld.AssertRefusalPageAsync(callback, HttpStatusCode.Forbidden, "user_disabled");
        }

        Assert.Equal(1, await _world.Host.CountAsync("users"));
        Assert.Equal(1, await _world.Host.CountAsync("user_identities"));
    }

    [Fact]
    public async Task TwentyConcurrentFirstSignInsOfTwoLinkingConnectors_WithOneVerifiedEmail_GiveOneUserAndTwoIdentities()
    {
        await _world.CreateConnectorAsync("left", VerifiedEmailLinking);
        await _world.CreateConnectorAsync("right", VerifiedEmailLinking);
        _world.SignsIn("left", """{"sub":"left-subject","email":"grace@example.com","email_verified":true}""");
        _world.SignsIn("right", """{"sub":"right-subject","email":"Grace@Example.com","email_verified":true}""");
        var connectors = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? "left" : "right").ToArray();
        var browsers = connectors.Select(_ => _world.Host.NewBrowser()).ToArray();
        // Every flow is parked at its callback first, so the twenty callbacks race for real.
        var callbacks = await Task.WhenAll(browsers.Select(async (b, i) => await Browser.AtProviderAsync(await b.StartAsync(connectors[i]))));

        var responses = await Task.WhenAll(browsers.Select((b, i) => b.GetAsync(callbacks[i])));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
        var user = Assert.Single(await _world.Database.QueryAsync<Guid>("SELECT id FROM users"));
        var identities = await _world.Database.QueryAsync<(string ConnectorId, string Subject, Guid UserId)>(
            "SELECT connector_id, subject, user_id FROM user_identities ORDER BY connector_id");
        Assert.Equal([("left", "left-subject", user), ("right", "right-subject", user)], identities);
        Assert.Equal(20, (await _world.Host.AuditOutcomesAsync()).Count(outcome => outcome == "success"));
        Assert.Equal(1, await _world.Database.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'Identity.Linked'"));
        foreach (var item in responses.Cast<IDisposable>().Concat(browsers))
        {
            item.Dispose();
        }
    }

    [Fact]
    public async Task Create_WithAnUnknownLinkingMode_Is400OneOf()
    {
        using var response = await _world.Admin.PostAsync("/api/connectors",
            HttpJson.Body(_world.ConnectorBody(Beta, new JsonObject { ["accountLinking"] = "email" }).ToJsonString()), LifecycleWorld.Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["one_of"], problem.CodesFor("accountLinking"));
    }

    /// <summary>Ada, signed in through "acme", with an email "acme" says is (or is not) verified.</summary>
    private async Task<Guid> ExistingUserAsync(bool emailVerified)
    {
        _world.SignsIn(Acme, $$"""{"sub":"acme-1","name":"Ada Lovelace","email":"Ada@Example.com","email_verified":{{(emailVerified ? "true" : "false")}}}""");
        (await _world.SignedInAsync(Acme)).Dispose();
        var user = await _world.UserOfAsync(Acme, "acme-1");
        await using var connection = await _world.Database.OpenAsync();
        Assert.Equal(emailVerified, await connection.QuerySingleAsync<bool>("SELECT email_verified FROM users WHERE id = @user", new { user }));
        return user;
    }
}
