using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Console.Connectors;

/// <summary>
/// What a connector's page does besides its form: disable and enable, delete only after the confirm page, test (the
/// dry run, whose result page leads back here) — each audited with the operator as actor, none of it by a forged post.
/// </summary>
public sealed class ConnectorActionTests : IAsyncLifetime
{
    private const string Page = "/console/connectors/acme";

    private ConnectorsConsoleWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await ConnectorsConsoleWorld.StartAsync();
        await _world.Host.CreateConnectorAsync();
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Disable_ThenEnable_ChangesTheConnector_AndAuditsBothUnderTheOperator()
    {
        using var disabled = await _world.Operator.PostFormAsync(Page, Page + "/disable", []);

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(Page + "?notice=connectorDisabled", disabled.Headers.Location!.OriginalString);
        Assert.False(await EnabledAsync());
        var page = await _world.Operator.GetAsync(Page + "?notice=connectorDisabled");
        Assert.Equal("Disabled", page.Document.QuerySelector(".connector-facts .badge.off")!.TextContent.Trim());
        Assert.Contains("nobody can sign in", page.Notice, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector($"form[action='{Page}/test']"));
        using (var user = _world.Host.NewBrowser())
        {
            using var refused = await user.GetAsync("/sign-in/acme");
            Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        }

        using var enabled = await _world.Operator.PostFormAsync(Page, Page + "/enable", []);

        Assert.Equal(Page + "?notice=connectorEnabled", enabled.Headers.Location!.OriginalString);
        Assert.True(await EnabledAsync());
        var updates = await _world.AuditAsync("connector.updated");
        Assert.Equal(2, updates.Count);
        Assert.All(updates, update => Assert.Equal((ConnectorsConsoleWorld.KeyActor, "acme", "success"), (update.Actor, update.Target, update.Outcome)));
    }

    [Fact]
    public async Task Delete_AsksOnItsOwnPageFirst_AndOnlyItsButtonDeletes()
    {
        var page = await _world.Operator.GetAsync(Page);
        Assert.Equal(Page + "/delete", page.Document.QuerySelector(".console-heading .actions a.danger")!.GetAttribute("href"));

        var confirm = await _world.Operator.GetAsync(Page + "/delete");

        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Equal("Delete Acme?", confirm.Heading);
        Assert.Contains("cannot be undone", confirm.Document.QuerySelector(".panel.danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Page, confirm.Document.QuerySelector(".panel.danger a")!.GetAttribute("href"));
        Assert.Equal(1, await _world.Host.CountAsync("connectors"));

        using var deleted = await _world.Operator.SubmitAsync(confirm.Document, Page + "/delete", []);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/console/connectors?notice=connectorDeleted", deleted.Headers.Location!.OriginalString);
        using var read = await _world.Host.Admin.GetAsync("/api/connectors/acme", Ct);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        var audit = Assert.Single(await _world.AuditAsync("connector.deleted"));
        Assert.Equal((ConnectorsConsoleWorld.KeyActor, "acme"), (audit.Actor, audit.Target));
        Assert.Equal(HttpStatusCode.NotFound, (await _world.Operator.GetAsync(Page + "/delete")).Status);
    }

    [Theory]
    [InlineData(Page + "/delete")]
    [InlineData(Page + "/disable")]
    [InlineData(Page)]
    [InlineData("/console/connectors/new/oauth2")]
    [InlineData(Page + "/test")]
    public async Task AForgedPost_IsRefused_AndChangesNothing(string action)
    {
        using var forged = await _world.Operator.PostForgedAsync(action, new()
        {
            ["name"] = "Forged",
            ["id"] = "forged",
            ["config.clientId"] = "forged-client",
            ["config.clientSecret"] = "forged-secret",
        });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("This form was refused", await forged.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var read = await _world.Host.Admin.GetAsync("/api/connectors/acme", Ct);
        var connector = await read.ReadJsonAsync();
        Assert.Equal(("Acme", true, "acme-client"),
            (connector["name"]!.GetValue<string>(), connector["enabled"]!.GetValue<bool>(), connector["config"]!["clientId"]!.GetValue<string>()));
        Assert.Equal(1, await _world.Host.CountAsync("connectors"));
        Assert.Equal(0, await _world.Host.CountAsync("sign_in_states"));
        Assert.Empty(await _world.AuditAsync("connector.updated"));
    }

    [Fact]
    public async Task Test_RunsTheDryRun_ShowingTheRawAndTheMappedProfile_AndLeadsBackToTheConnector()
    {
        _world.Upstream.SignsIn("""{"sub":"ada-42","name":"Ada Lovelace"}""");

        var html = await TestAsync();

        Assert.Contains("would succeed", html, StringComparison.Ordinal);
        Assert.Contains("<dd>ada-42</dd>", html, StringComparison.Ordinal);
        Assert.Contains("&quot;Ada Lovelace&quot;", html, StringComparison.Ordinal); // the raw userinfo, as JSON
        Assert.Contains($"href=\"{Page}\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await _world.Host.CountAsync("users"));
    }

    [Fact]
    public async Task Test_WithAProviderThatRefusesTheCode_ShowsItsExactError()
    {
        _world.Upstream.OnTokenJson("""{"error":"invalid_client","error_description":"Client authentication failed"}""", 401);

        var html = await TestAsync();

        Assert.Contains("token_exchange_failed", html, StringComparison.Ordinal);
        Assert.Contains("invalid_client", html, StringComparison.Ordinal);
        Assert.Contains("Client authentication failed", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Page}\"", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// The page's Test button, its start page's link (not a redirect: the console's form-action 'self' would stop a
    /// form's redirect to the provider), then the provider, then the callback: the dry run's result page.
    /// </summary>
    private async Task<string> TestAsync()
    {
        using var started = await _world.Operator.PostFormAsync(Page, Page + "/test", []);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var startPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await started.Content.ReadAsStringAsync(Ct));
        var authorize = new Uri(startPage.QuerySelector("a[data-follow]")!.GetAttribute("href")!);
        Assert.StartsWith(_world.Upstream.AuthorizationEndpoint + "?", authorize.AbsoluteUri, StringComparison.Ordinal);

        using var result = await _world.Operator.Browser.GetAsync(await Browser.AtProviderAsync(authorize));
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        return await result.Content.ReadAsStringAsync(Ct);
    }

    private async Task<bool> EnabledAsync()
    {
        using var read = await _world.Host.Admin.GetAsync("/api/connectors/acme", Ct);
        return (await read.ReadJsonAsync())["enabled"]!.GetValue<bool>();
    }
}
