using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Console.Connectors;

/// <summary>
/// A connector's page: its stored values in the form, the secret never; saved as the admin API's merge patch, where
/// an empty secret field keeps the stored secret — proven by what the provider receives at the next token request.
/// </summary>
public sealed class ConnectorEditTests : IAsyncLifetime
{
    private const string Page = "/console/connectors/acme";

    private ConnectorsConsoleWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await ConnectorsConsoleWorld.StartAsync();
        var created = await _world.SubmitAsync("/console/connectors/new/oauth2", "/console/connectors/new/oauth2",
            _world.ValidOAuth2Form().ToDictionary(pair => pair.Key, string? (pair) => pair.Value));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task ThePage_ShowsTheStoredValues_AndTheCallbackUri_ButNeverTheSecret()
    {
        var page = await _world.Operator.GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Acme", page.Heading);
        Assert.Equal("acme-client", page.Document.GetElementById("f-config-clientId")!.GetAttribute("value"));
        Assert.Equal(_world.Upstream.TokenEndpoint, page.Document.GetElementById("f-config-tokenEndpoint")!.GetAttribute("value"));
        Assert.Equal("sub", page.Document.GetElementById("f-config-profileMap-id")!.GetAttribute("value"));
        var secret = page.Document.GetElementById("f-config-clientSecret")!;
        Assert.Equal("password", secret.GetAttribute("type"));
        Assert.Null(secret.GetAttribute("value"));
        Assert.False(secret.HasAttribute("required"));
        Assert.Contains("Leave this empty to keep it", page.Document.GetElementById("f-config-clientSecret-help")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("http://localhost/callback/acme", page.Document.GetElementById("callback-uri")!.GetAttribute("value"));
        Assert.Null(page.Document.GetElementById("f-id")); // the id is part of the callback URI: it never changes
        Assert.DoesNotContain(ConnectorsConsoleWorld.Secret, page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_WithTheSecretLeftEmpty_ChangesTheRest_AndKeepsTheStoredSecret()
    {
        var saved = await _world.SubmitAsync(Page, Page, new() { ["name"] = "Acme Staff", ["config.scope"] = "openid email", ["config.clientSecret"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(Page + "?notice=connectorSaved", saved.Location!.OriginalString);
        using var read = await _world.Host.Admin.GetAsync("/api/connectors/acme", Ct);
        var connector = await read.ReadJsonAsync();
        Assert.Equal("Acme Staff", connector["name"]!.GetValue<string>());
        Assert.Equal("openid email", connector["config"]!["scope"]!.GetValue<string>());
        Assert.True(connector["config"]!["hasClientSecret"]!.GetValue<bool>());
        var updated = Assert.Single(await _world.AuditAsync("connector.updated"));
        Assert.Equal((ConnectorsConsoleWorld.KeyActor, "acme", "success"), (updated.Actor, updated.Target, updated.Outcome));

        _world.Upstream.SignsIn("""{"sub":"ada"}""");
        using var user = _world.Host.NewBrowser();
        using var signedIn = await user.SignInAsync("acme");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(ConnectorsConsoleWorld.Secret, _world.Upstream.TokenForm()["client_secret"]);
    }

    [Fact]
    public async Task Save_WithANewSecret_ReplacesIt_AndNeitherSecretShowsOnThePageOrInTheAudit()
    {
        const string NewSecret = "n3w-secret-value-never-shown";

        var saved = await _world.SubmitAsync(Page, Page, new() { ["config.clientSecret"] = NewSecret });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        _world.Upstream.SignsIn("""{"sub":"ada"}""");
        using var user = _world.Host.NewBrowser();
        using var signedIn = await user.SignInAsync("acme");
        Assert.Equal(NewSecret, _world.Upstream.TokenForm()["client_secret"]);
        var html = (await _world.Operator.GetAsync(Page)).Document.DocumentElement.OuterHtml;
        Assert.DoesNotContain(NewSecret, html, StringComparison.Ordinal);
        Assert.DoesNotContain(ConnectorsConsoleWorld.Secret, html, StringComparison.Ordinal);
        var audit = await _world.AllAuditTextAsync();
        Assert.DoesNotContain(NewSecret, audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_WithABadEndpointAndAnEmptyClientId_ShowsBothBesideTheirFields_KeepsWhatWasTyped_AndChangesNothing()
    {
        var page = await _world.SubmitAsync(Page, Page, new()
        {
            ["name"] = "Renamed",
            ["config.userInfoEndpoint"] = "ftp://example.com/userinfo",
            ["config.clientId"] = "",
            ["config.clientSecret"] = "typed-but-refused-secret",
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.NotEmpty(page.ErrorsOf("config.userInfoEndpoint"));
        Assert.Equal(["Required."], page.ErrorsOf("config.clientId"));
        Assert.Equal("Renamed", page.Document.GetElementById("f-name")!.GetAttribute("value"));
        Assert.Equal("ftp://example.com/userinfo", page.Document.GetElementById("f-config-userInfoEndpoint")!.GetAttribute("value"));
        Assert.DoesNotContain("typed-but-refused-secret", page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        using var read = await _world.Host.Admin.GetAsync("/api/connectors/acme", Ct);
        var connector = await read.ReadJsonAsync();
        Assert.Equal("Acme", connector["name"]!.GetValue<string>());
        Assert.Equal("acme-client", connector["config"]!["clientId"]!.GetValue<string>());
        Assert.Empty(await _world.AuditAsync("connector.updated"));
    }

    [Fact]
    public async Task Save_ThatPointsTheConnectorAtAnotherProvider_AsksFirst_AndSavesOnceConfirmed()
    {
        var asked = await _world.SubmitAsync(Page, Page, new() { ["config.clientId"] = "other-client" });

        Assert.Equal(HttpStatusCode.BadRequest, asked.Status);
        Assert.NotNull(asked.Document.QuerySelector(".provider-change"));
        Assert.NotEmpty(asked.ErrorsOf("confirmProviderChange"));
        Assert.Empty(await _world.AuditAsync("connector.updated"));

        var confirmed = await _world.PostAsync(Page, ConnectorsConsoleWorld.Changed(
            ConnectorsConsoleWorld.FormValues(asked.Document, Page), new() { ["confirmProviderChange"] = "true" }));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        using var read = await _world.Host.Admin.GetAsync("/api/connectors/acme", Ct);
        Assert.Equal("other-client", (await read.ReadJsonAsync())["config"]!["clientId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnknownConnector_Is404_WithAWayBackToTheList()
    {
        var page = await _world.Operator.GetAsync("/console/connectors/nope");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.NotNull(page.Document.QuerySelector("a[href='/console/connectors']"));
    }
}
