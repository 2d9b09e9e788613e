using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Console.Connectors;

/// <summary>
/// "Add social connector" > "OAuth2": the full form with Logto's field names, saved through the admin API's service —
/// every problem at once beside its field and nothing saved, or a connector whose secret nobody sees again.
/// </summary>
public sealed class OAuth2CreateTests : IAsyncLifetime
{
    private const string Form = "/console/connectors/new/oauth2";

    private ConnectorsConsoleWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _world = await ConnectorsConsoleWorld.StartAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Create_WithABadEndpointAndAnEmptyClientId_ShowsBothErrorsBesideTheirFields_AndSavesNothing()
    {
        var sent = _world.ValidOAuth2Form();
        sent["config.authorizationEndpoint"] = "not a url";
        sent["config.clientId"] = "";

        var page = await _world.SubmitAsync(Form, Form, Nullable(sent));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.NotEmpty(page.ErrorsOf("config.authorizationEndpoint"));
        Assert.Equal(["Required."], page.ErrorsOf("config.clientId"));
        Assert.Empty(page.ErrorsOf("config.tokenEndpoint"));
        var summary = page.Document.QuerySelectorAll(".error-summary a").Select(link => link.GetAttribute("href")).ToList();
        Assert.Equal(["#f-config-authorizationEndpoint", "#f-config-clientId"], summary);
        Assert.Equal("true", page.Document.GetElementById("f-config-clientId")!.GetAttribute("aria-invalid"));
        Assert.Equal("not a url", page.Document.GetElementById("f-config-authorizationEndpoint")!.GetAttribute("value"));
        Assert.Equal("Acme", page.Document.GetElementById("f-name")!.GetAttribute("value"));
        Assert.DoesNotContain(ConnectorsConsoleWorld.Secret, page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(0, await _world.Host.CountAsync("connectors"));
        Assert.Empty(await _world.AuditAsync("connector.created"));
    }

    [Fact]
    public async Task Create_WithValidFields_StoresTheConnector_EncryptsTheSecret_AndAuditsItUnderTheKeysFingerprint()
    {
        var sent = Nullable(_world.ValidOAuth2Form());
        sent["config.customConfig"] = """{ "prompt": "consent" }""";
        sent["allowedEmailDomains"] = "example.com\nExample.org\n";
        sent["syncProfile"] = "true";

        var saved = await _world.SubmitAsync(Form, Form, sent);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("/console/connectors/acme?notice=connectorCreated", saved.Location!.OriginalString);
        using var read = await _world.Host.Admin.GetAsync("/api/connectors/acme", Ct);
        var connector = await read.ReadJsonAsync();
        Assert.Equal("Acme", connector["name"]!.GetValue<string>());
        Assert.True(connector["enabled"]!.GetValue<bool>());
        Assert.True(connector["syncProfile"]!.GetValue<bool>());
        Assert.Equal("""["example.com","example.org"]""", connector["allowedEmailDomains"]!.ToJsonString());
        Assert.Equal(_world.Upstream.TokenEndpoint, connector["config"]!["tokenEndpoint"]!.GetValue<string>());
        Assert.Equal("""{"prompt":"consent"}""", connector["config"]!["customConfig"]!.ToJsonString());
        Assert.Equal("sub", connector["config"]!["profileMap"]!["id"]!.GetValue<string>());
        Assert.True(connector["config"]!["hasClientSecret"]!.GetValue<bool>());
        var stored = Assert.Single(await _world.Host.Database.QueryAsync<string>("SELECT client_secret_protected FROM connectors"));
        Assert.DoesNotContain(ConnectorsConsoleWorld.Secret, stored, StringComparison.Ordinal);
        var created = Assert.Single(await _world.AuditAsync("connector.created"));
        Assert.Equal((ConnectorsConsoleWorld.KeyActor, "acme", "success"), (created.Actor, created.Target, created.Outcome));
        Assert.DoesNotContain(ConnectorsConsoleWorld.Secret, await _world.AllAuditTextAsync(), StringComparison.Ordinal);

        var page = await _world.Operator.GetAsync("/console/connectors/acme?notice=connectorCreated");
        Assert.Contains("Register its callback URI", page.Notice, StringComparison.Ordinal);
        Assert.DoesNotContain(ConnectorsConsoleWorld.Secret, page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal("http://localhost/callback/acme", page.Document.GetElementById("callback-uri")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ResponseMode_IsASelectOfBothModes_QueryFirst_AndFormPostIsSaved()
    {
        var form = await _world.Operator.GetAsync(Form);
        var select = form.Document.QuerySelector("select#f-config-responseMode")!;
        Assert.Equal(["query", "form_post"], select.QuerySelectorAll("option").Select(option => option.GetAttribute("value")).ToList());
        Assert.Equal("query", select.QuerySelector("option[selected]")?.GetAttribute("value") ?? "query");
        Assert.NotNull(form.Document.GetElementById("f-config-responseMode-help"));
        var sent = Nullable(_world.ValidOAuth2Form());
        sent["config.responseMode"] = "form_post";

        var saved = await _world.SubmitAsync(Form, Form, sent);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        using var read = await _world.Host.Admin.GetAsync("/api/connectors/acme", Ct);
        Assert.Equal("form_post", (await read.ReadJsonAsync())["config"]!["responseMode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithAnIdThatIsTaken_SaysSoBesideTheIdField()
    {
        await _world.Host.CreateConnectorAsync("acme");

        var page = await _world.SubmitAsync(Form, Form, Nullable(_world.ValidOAuth2Form()));

        Assert.Equal(HttpStatusCode.Conflict, page.Status);
        Assert.Equal(["A connector with the id 'acme' already exists."], page.ErrorsOf("id"));
        Assert.Equal(1, await _world.Host.CountAsync("connectors"));
    }

    [Fact]
    public async Task Create_WithJsonThatDoesNotParse_AndABadEmailDomain_ShowsEachBesideItsField_AndSavesNothing()
    {
        var sent = Nullable(_world.ValidOAuth2Form());
        sent["config.customConfig"] = """{ "prompt": """;
        sent["allowedEmailDomains"] = "example.com\nuser@example.org";

        var page = await _world.SubmitAsync(Form, Form, sent);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["Must be a JSON object, like {\"name\": \"value\"}."], page.ErrorsOf("config.customConfig"));
        Assert.Equal(["1: Must be a domain name such as example.com (no '@', no scheme)."], page.ErrorsOf("allowedEmailDomains"));
        Assert.Equal("{ \"prompt\": ", page.Document.GetElementById("f-config-customConfig")!.TextContent);
        Assert.Equal(0, await _world.Host.CountAsync("connectors"));
    }

    [Fact]
    public async Task TheForm_LabelsItsFieldsWithLogtosNames_EachWithHelp_AndShowsTheCallbackUriOnceTheIdIsKnown()
    {
        var page = await _world.Operator.GetAsync(Form);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        string[] logto = ["authorizationEndpoint", "tokenEndpoint", "userInfoEndpoint", "clientId", "clientSecret", "scope", "tokenEndpointAuthMethod",
            "clientSecretJwtSigningAlgorithm", "tokenEndpointResponseType", "customConfig", "pkce", "profileMap.id", "profileMap.name", "profileMap.avatar",
            "profileMap.email", "profileMap.phone"];
        foreach (var name in logto)
        {
            var input = page.Document.GetElementById("f-config-" + name.Replace('.', '-'))!;
            Assert.Equal(name, page.Document.QuerySelector($"label[for='{input.Id}']")!.TextContent.Trim().TrimEnd('*').Trim());
            Assert.NotNull(page.Document.GetElementById(input.Id + "-help"));
        }

        Assert.Null(page.Document.GetElementById("f-config-clientSecret")!.GetAttribute("value"));
        Assert.True(page.Document.QuerySelector("[data-callback-known]")!.HasAttribute("hidden"));
        Assert.False(page.Document.QuerySelector("[data-callback-unknown]")!.HasAttribute("hidden"));

        var sent = _world.ValidOAuth2Form(id: "acme-staff");
        sent["config.clientId"] = "";
        var refused = await _world.SubmitAsync(Form, Form, Nullable(sent));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("http://localhost/callback/acme-staff", refused.Document.GetElementById("callback-uri")!.GetAttribute("value"));
        Assert.False(refused.Document.QuerySelector("[data-callback-known]")!.HasAttribute("hidden"));
        Assert.Equal("http://localhost/callback/", refused.Document.QuerySelector("[data-callback-base]")!.GetAttribute("data-callback-base"));
    }

    [Fact]
    public async Task Create_WithoutAnId_TakesOneFromTheName()
    {
        var sent = Nullable(_world.ValidOAuth2Form(name: "Acme Staff"));
        sent["id"] = "";

        var saved = await _world.SubmitAsync(Form, Form, sent);

        Assert.Equal("/console/connectors/acme-staff?notice=connectorCreated", saved.Location!.OriginalString);
    }

    private static Dictionary<string, string?> Nullable(Dictionary<string, string> values) => values.ToDictionary(pair => pair.Key, string? (pair) => pair.Value);
}
