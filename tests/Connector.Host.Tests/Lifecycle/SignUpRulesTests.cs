using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Lifecycle;

/// <summary>
/// Who may sign in at all: <c>allowSignUp: false</c> lets in only subjects already known, <c>allowedEmailDomains</c>
/// only verified addresses of those domains, and a disabled user nobody. Each refusal is a 403 page, no session, and
/// nothing written but the audit event.
/// </summary>
public sealed class SignUpRulesTests : IAsyncLifetime
{
    private const string Acme = "acme";

    private LifecycleWorld _world = null!;

    private static CancellationToken Ct => LifecycleWorld.Ct;

    public async ValueTask InitializeAsync() => _world = await LifecycleWorld.StartAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task UnknownSubject_WithSignUpDisabled_Gets403SignUpDisabled_AndOnlyTheAuditEventIsWritten()
    {
        await _world.CreateConnectorAsync(Acme, new JsonObject { ["allowSignUp"] = false });
        _world.SignsIn(Acme, """{"sub":"stranger","name":"Stranger","email":"stranger@example.com","email_verified":true}""");
        using var browser = _world.Host.NewBrowser();
        var callback = await Browser.AtProviderAsync(await browser.StartAsync(Acme));
        var before = await RowVersions.TakeAsync(_world.Database);

        using var response = await browser.GetAsync(callback);

        await LifecycleWorld.AssertRefusalPageAsync(response, HttpStatusCode.Forbidden, "sign_up_disabled");
        Assert.False(browser.HasCookie("connectors.session"));
        // The state is consumed, the refusal audited; no user, no identity.
        Assert.Equal(["audit_events", "sign_in_states"], before.TablesChangedBy(await RowVersions.TakeAsync(_world.Database)));
        Assert.Equal(0, await _world.Host.CountAsync("users"));
        Assert.Equal(0, await _world.Host.CountAsync("user_identities"));
        Assert.Equal(["sign_up_disabled"], await _world.Host.AuditOutcomesAsync());
    }

    [Fact]
    public async Task KnownSubject_AfterSignUpWasDisabled_StillSignsInAsTheSameUser()
    {
        await _world.CreateConnectorAsync(Acme);
        _world.SignsIn(Acme, """{"sub":"member","name":"Member"}""");
        (await _world.SignedInAsync(Acme)).Dispose();
        var user = await _world.UserOfAsync(Acme, "member");
        await PatchConnectorAsync("""{ "allowSignUp": false }""");

        using var browser = await _world.SignedInAsync(Acme);

        Assert.Equal(user, await _world.UserOfAsync(Acme, "member"));
        Assert.Equal(1, await _world.Host.CountAsync("users"));
        using var account = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
    }

    [Fact]
    public async Task UnknownSubject_WithSignUpDisabled_MayStillJoinAnExistingUserByVerifiedEmail()
    {
        await _world.CreateConnectorAsync("first");
        _world.SignsIn("first", """{"sub":"member","email":"member@example.com","email_verified":true}""");
        (await _world.SignedInAsync("first")).Dispose();
        await _world.CreateConnectorAsync(Acme, new JsonObject { ["allowSignUp"] = false, ["accountLinking"] = "verifiedEmail" });
        _world.SignsIn(Acme, """{"sub":"member-at-acme","email":"member@example.com","email_verified":true}""");

        (await _world.SignedInAsync(Acme)).Dispose();

        Assert.Equal(await _world.UserOfAsync("first", "member"), await _world.UserOfAsync(Acme, "member-at-acme"));
        Assert.Equal(1, await _world.Host.CountAsync("users"));
    }

    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("Ada@EXAMPLE.com")]
    [InlineData("ada@corp.example")]
    public async Task VerifiedEmail_InAnAllowedDomain_SignsIn(string email)
    {
        await _world.CreateConnectorAsync(Acme, new JsonObject { ["allowedEmailDomains"] = new JsonArray("Example.com", "corp.example") });
        _world.SignsIn(Acme, $$"""{"sub":"ada","email":"{{email}}","email_verified":true}""");

        using var browser = await _world.SignedInAsync(Acme);

        Assert.Equal(1, await _world.Host.CountAsync("user_identities"));
    }

    [Theory]
    [InlineData("""{"sub":"eve","email":"eve@evil.example","email_verified":true}""")]
    [InlineData("""{"sub":"eve","email":"eve@example.com.evil.example","email_verified":true}""")]
    [InlineData("""{"sub":"eve","email":"eve@notexample.com","email_verified":true}""")]
    [InlineData("""{"sub":"eve","email":"eve@example.com","email_verified":false}""")]
    [InlineData("""{"sub":"eve","email":"eve@example.com"}""")]
    [InlineData("""{"sub":"eve"}""")]
    public async Task EmailOfAnotherDomain_OrUnverified_OrMissing_Gets403EmailDomainNotAllowed(string userInfo)
    {
        await _world.CreateConnectorAsync(Acme, new JsonObject { ["allowedEmailDomains"] = new JsonArray("example.com") });
        _world.SignsIn(Acme, userInfo);

        var (browser, callback) = await _world.SignInAsync(Acme);
        using (browser)
        using (callback)
        {
            await LifecycleWorld.AssertRefusalPageAsync(callback, HttpStatusCode.Forbidden, "email_domain_not_allowed");
            Assert.False(browser.HasCookie("connectors.session"));
        }

        Assert.Equal(0, await _world.Host.CountAsync("users"));
        Assert.Equal(0, await _world.Host.CountAsync("user_identities"));
        Assert.Equal(["email_domain_not_allowed"], await _world.Host.AuditOutcomesAsync());
    }

    [Fact]
    public async Task UnverifiedEmail_InAnAllowedDomain_SignsIn_WhenTheConnectorTrustsItsEmails()
    {
        await _world.CreateConnectorAsync(Acme, new JsonObject { ["allowedEmailDomains"] = new JsonArray("example.com"), ["trustEmail"] = true });
        _world.SignsIn(Acme, """{"sub":"ada","email":"ada@example.com"}""");

        using var browser = await _world.SignedInAsync(Acme);

        Assert.Equal(1, await _world.Host.CountAsync("users"));
    }

    [Fact]
    public async Task KnownSubject_WhoseEmailMovedToAnotherDomain_IsRefusedAtTheNextSignIn()
    {
        await _world.CreateConnectorAsync(Acme, new JsonObject { ["allowedEmailDomains"] = new JsonArray("example.com") });
        _world.SignsIn(Acme, """{"sub":"ada","email":"ada@example.com","email_verified":true}""");
        (await _world.SignedInAsync(Acme)).Dispose();
        _world.SignsIn(Acme, """{"sub":"ada","email":"ada@elsewhere.example","email_verified":true}""");

        var (browser, callback) = await _world.SignInAsync(Acme);
        using (browser)
        using (callback)
        {
            await LifecycleWorld.AssertRefusalPageAsync(callback, HttpStatusCode.Forbidden, "email_domain_not_allowed");
        }

        Assert.Equal(["success", "email_domain_not_allowed"], await _world.Host.AuditOutcomesAsync());
    }

    [Fact]
    public async Task DisabledUser_Gets403UserDisabledAtTheCallback_AndNoSessionCookie()
    {
        await _world.CreateConnectorAsync(Acme);
        _world.SignsIn(Acme, """{"sub":"member","name":"Member"}""");
        (await _world.SignedInAsync(Acme)).Dispose();
        var user = await _world.UserOfAsync(Acme, "member");
        using (var disable = await _world.Admin.PatchAsync($"/api/users/{user}", HttpJson.Body("""{ "disabled": true }""", "application/merge-patch+json"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        }

        _world.SignsIn(Acme, """{"sub":"member","name":"Member Renamed"}""");

        var (browser, callback) = await _world.SignInAsync(Acme);
        using (browser)
        using (callback)
        {
            await LifecycleWorld.AssertRefusalPageAsync(callback, HttpStatusCode.Forbidden, "user_disabled");
            Assert.False(browser.HasCookie("connectors.session"));
            using var account = await browser.GetAsync("/account");
            Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        }

        Assert.Equal(["success", "user_disabled"], await _world.Host.AuditOutcomesAsync());
        // A refused sign-in writes nothing of what it brought, not even the identity's copy of the profile.
        Assert.Equal(["Member"], await _world.Host.Database.QueryAsync<string>("SELECT profile->>'name' FROM user_identities"));
    }

    [Fact]
    public async Task Create_WithAnAllowedDomainThatIsAnAddress_Is400AtThatDomain()
    {
        var body = _world.ConnectorBody(Acme, new JsonObject { ["allowedEmailDomains"] = new JsonArray("example.com", "@example.org") });

        using var response = await _world.Admin.PostAsync("/api/connectors", HttpJson.Body(body.ToJsonString()), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["invalid_parameter"], problem.CodesFor("allowedEmailDomains.1"));
        Assert.Empty(problem.CodesFor("allowedEmailDomains.0"));
    }

    private async Task PatchConnectorAsync(string patch)
    {
        using var response = await _world.PatchConnectorAsync(Acme, patch);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
