using System.Net;
using Connector.Host.Tests.Discovery;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.Presets;

namespace Connector.Host.Tests.Console.Connectors;

/// <summary>
/// The two shortcuts of "Add social connector": "Prefill from discovery" (the admin API's discovery, writing the
/// provider's metadata over the fields it covers and keeping what was typed), and a preset's short form.
/// </summary>
public sealed class PrefillAndPresetTests : IAsyncLifetime
{
    private const string Form = "/console/connectors/new/oauth2";
    private const string Discover = Form + "/discover";

    private ConnectorsConsoleWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _world = await ConnectorsConsoleWorld.StartAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task PrefillFromDiscovery_FillsTheEndpointsScopeAndProfileMap_KeepsWhatWasTyped_AndSavesNothing()
    {
        var issuer = _world.Upstream.Url;
        _world.Upstream.On("GET", OpenIdMetadata.WellKnown, FakeProvider.Json(OpenIdMetadata.For(issuer)));

        var page = await _world.SubmitAsync(Form, Form, new() { ["name"] = "Acme", ["id"] = "acme", ["issuer"] = issuer, ["config.clientId"] = "typed-client" }, to: Discover);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"{issuer}/oauth2/authorize", Value(page, "config.authorizationEndpoint"));
        Assert.Equal($"{issuer}/oauth2/token", Value(page, "config.tokenEndpoint"));
        Assert.Equal($"{issuer}/oauth2/userinfo", Value(page, "config.userInfoEndpoint"));
        Assert.Equal("openid profile email", Value(page, "config.scope"));
        Assert.Equal("sub", Value(page, "config.profileMap.id"));
        Assert.Equal("typed-client", Value(page, "config.clientId"));
        Assert.Equal("Acme", Value(page, "name"));
        Assert.Contains(issuer, page.Document.QuerySelector(".discovery-result")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await _world.Host.CountAsync("connectors"));

        // The prefilled form, with the secret typed in, is one "Save and Done" away from a connector.
        var saved = await _world.PostAsync(Form, ConnectorsConsoleWorld.Changed(ConnectorsConsoleWorld.FormValues(page.Document, Form),
            new() { ["config.clientSecret"] = ConnectorsConsoleWorld.Secret }));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        using var read = await _world.Host.Admin.GetAsync("/api/connectors/acme", Ct);
        Assert.Equal($"{issuer}/oauth2/token", (await read.ReadJsonAsync())["config"]!["tokenEndpoint"]!.GetValue<string>());
    }

    [Fact]
    public async Task PrefillFromDiscovery_WhenTheProviderFails_SaysWhyBesideTheIssuer_AndKeepsTheForm()
    {
        _world.Upstream.On("GET", OpenIdMetadata.WellKnown, FakeProvider.Json("""{ "error": "server_error" }""", 500));

        var page = await _world.SubmitAsync(Form, Form, new() { ["name"] = "Acme", ["issuer"] = _world.Upstream.Url }, to: Discover);

        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.NotEmpty(page.ErrorsOf("issuer"));
        Assert.Equal("Acme", Value(page, "name"));
        Assert.Equal(0, await _world.Host.CountAsync("connectors"));
    }

    [Fact]
    public async Task APreset_AsksOnlyForTheClient_ShowsItsCallbackUri_AndSavesTheWholeProvider()
    {
        const string Preset = "/console/connectors/new/preset/github";
        var page = await _world.Operator.GetAsync(Preset);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("http://localhost/callback/github", page.Document.GetElementById("callback-uri")!.GetAttribute("value"));
        Assert.Equal(["name", "id", "config.clientId", "config.clientSecret"],
            page.Document.QuerySelectorAll($"form[action='{Preset}'] input[name]:not([type=hidden])").Select(input => input.GetAttribute("name")).ToList());

        var refused = await _world.SubmitAsync(Preset, Preset, new() { ["config.clientId"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["Required."], refused.ErrorsOf("config.clientId"));
        Assert.Equal(0, await _world.Host.CountAsync("connectors"));

        var saved = await _world.SubmitAsync(Preset, Preset, new() { ["config.clientId"] = "gh-client", ["config.clientSecret"] = ConnectorsConsoleWorld.Secret });

        Assert.Equal("/console/connectors/github?notice=connectorCreated", saved.Location!.OriginalString);
        using var read = await _world.Host.Admin.GetAsync("/api/connectors/github", Ct);
        var connector = await read.ReadJsonAsync();
        Assert.Equal("GitHub", connector["name"]!.GetValue<string>());
        Assert.Equal("https://github.com/login/oauth/access_token", connector["config"]!["tokenEndpoint"]!.GetValue<string>());
        Assert.Equal("gh-client", connector["config"]!["clientId"]!.GetValue<string>());
        var created = Assert.Single(await _world.AuditAsync("connector.created"));
        Assert.Equal(ConnectorsConsoleWorld.KeyActor, created.Actor);
    }

    [Fact]
    public async Task APresetAtTheCustomersDomain_AsksForItsDomainAndRealm_AndSavesTheEndpointsUnderThem()
    {
        const string Preset = "/console/connectors/new/preset/keycloak";
        var page = await _world.Operator.GetAsync(Preset);

        Assert.Equal(["name", "id", "presetParameters.domain", "presetParameters.realm", "config.clientId", "config.clientSecret"],
            page.Document.QuerySelectorAll($"form[action='{Preset}'] input[name]:not([type=hidden])").Select(input => input.GetAttribute("name")).ToList());
        Assert.StartsWith("realm", page.Document.QuerySelector("label[for='f-presetParameters-realm']")!.TextContent.Trim(), StringComparison.Ordinal);

        var fields = new Dictionary<string, string?>
        {
            ["presetParameters.domain"] = "https://sso.example.com",
            ["presetParameters.realm"] = "acme",
            ["config.clientId"] = "kc-client",
            ["config.clientSecret"] = ConnectorsConsoleWorld.Secret,
        };
        var refused = await _world.SubmitAsync(Preset, Preset, fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Single(refused.ErrorsOf("presetParameters.domain"));
        Assert.Equal(0, await _world.Host.CountAsync("connectors"));

        fields["presetParameters.domain"] = "sso.example.com";
        var saved = await _world.SubmitAsync(Preset, Preset, fields);

        Assert.Equal("/console/connectors/keycloak?notice=connectorCreated", saved.Location!.OriginalString);
        var connector = await (await _world.Host.Admin.GetAsync("/api/connectors/keycloak", Ct)).ReadJsonAsync();
        Assert.Equal("https://sso.example.com/realms/acme/protocol/openid-connect/token", connector["config"]!["tokenEndpoint"]!.GetValue<string>());
        Assert.Equal("https://sso.example.com/realms/acme", connector["config"]!["idTokenVerificationConfig"]!["issuer"]!.GetValue<string>());
    }

    [Fact]
    public void EveryParameterAPresetDeclares_HasItsHelpInTheConsole()
    {
        var declared = PresetFiles.Ids.SelectMany(id => PresetFiles.Read(id)["parameters"]?.AsObject().Select(p => p.Key) ?? []).Distinct();

        Assert.All(declared, name => Assert.True(Connector.Host.Console.Connectors.ConnectorForm.ParameterHelp.ContainsKey(name), $"no help for {name}"));
    }

    private static string? Value(ConsolePage page, string path) => page.Document.GetElementById("f-" + path.Replace('.', '-'))!.GetAttribute("value");
}
