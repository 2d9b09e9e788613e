using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Connector.Host.Tests.Architecture;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.Oidc;
using Connector.Host.Tests.SignIn;

namespace Connector.Host.Tests.Console.Applications;

/// <summary>
/// <c>/console/applications</c>: create an app from a card (Traditional web, Auth.js, SPA, Native) through the service
/// <c>POST /api/apps</c> calls, its secret shown once, its endpoints and the Auth.js code filled in with its values; its
/// settings saved as <c>PATCH /api/apps/{id}</c> (errors beside their fields); rotate and delete after a confirmation.
/// </summary>
public sealed class ApplicationsConsoleTests : IAsyncLifetime
{
    private const string List = "/console/applications";
    private const string AuthJsForm = List + "/new/authjs";
    private const string AuthJsRedirect = "http://localhost:3000/api/auth/callback/logto";

    private static readonly HtmlParser Parser = new();

    private OidcWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Operator => AdminKeys.PrimaryActor;

    private SignInHost Host => _world.Host;

    public async ValueTask InitializeAsync() => _world = await OidcWorld.StartAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task CreateApplication_OffersTheTypesAsCards_WithAuthJsUnderTraditionalWeb()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);

        var cards = await visitor.GetAsync(List + "/new");

        Assert.Equal(["Traditional web", "Single page app", "Native"], cards.Document.QuerySelectorAll(".app-type h2").Select(heading => heading.TextContent.Trim()));
        var traditional = cards.Document.QuerySelector(".app-type")!;
        Assert.Equal(["Traditional web", "Auth.js (Next Auth)"], traditional.QuerySelectorAll(".app-card-title").Select(title => title.TextContent.Trim()));
        var form = await visitor.GetAsync(AuthJsForm);
        Assert.Equal(AuthJsRedirect, Value(form.Document, "f-redirectUris"));
        Assert.Equal("http://localhost:3000", Value(form.Document, "f-postLogoutRedirectUris"));
    }

    [Fact]
    public async Task ACreatedApp_ShowsItsSecretOnce_WhichSignsIn_AndNeverAgainOnReload()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        var page = await visitor.GetAsync(AuthJsForm);

        using var response = await ConsoleForm.Of(page.Document, AuthJsForm).With("name", "Bookstore").SendAsync(visitor);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var created = Parser.ParseDocument(html);
        var secret = Value(created, "app-secret-once");
        var clientId = Value(created, "app-id");
        Assert.True(secret.Length >= 32, secret);
        Assert.Equal(OidcWorld.Issuer, Value(created, "issuer"));
        Assert.Equal(OidcWorld.Issuer + "/.well-known/openid-configuration", Value(created, "openid-configuration"));
        var app = Assert.Single((await (await Host.Admin.GetAsync("/api/apps", Ct)).ReadJsonAsync()).AsArray())!;
        Assert.Equal(clientId, app["clientId"]!.GetValue<string>());
        Assert.Equal("traditional", app["type"]!.GetValue<string>());
        Assert.Equal([AuthJsRedirect], Strings(app["redirectUris"]));
        Assert.Equal(Operator, Assert.Single(await ActorsAsync("app.created")));
        // The guide's code never holds it: it is shown in one place, once.
        Assert.Equal(1, CountOf(html, secret));

        var id = app["id"]!.GetValue<string>();
        var reloaded = await visitor.GetAsync($"{List}/{id}");
        Assert.Equal(HttpStatusCode.OK, reloaded.Status);
        Assert.DoesNotContain(secret, reloaded.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Null(reloaded.Document.GetElementById("app-secret-once"));
        Assert.True(reloaded.NoStore);

        var tokens = await _world.SignInAndRedeemAsync(new OidcApp(id, clientId, secret, AuthJsRedirect));
        Assert.NotNull(tokens["id_token"]);
    }

    [Fact]
    public async Task TheIntegrationGuide_IsTheReadmesAuthJsCode_WithThisAppsIssuerAndAppId()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        var app = await _world.CreateAppAsync();

        var page = await visitor.GetAsync($"{List}/{app.Id}");

        var readme = SourceTree.Read("README.md");
        var authTs = Value(page.Document, "guide-auth-ts");
        var v4 = Value(page.Document, "guide-nextauth-v4");
        Assert.Contains($"issuer: '{OidcWorld.Issuer}',", authTs, StringComparison.Ordinal);
        Assert.Contains($"clientId: '{app.ClientId}',", authTs, StringComparison.Ordinal);
        Assert.Contains($"wellKnown: '{OidcWorld.Issuer}/.well-known/openid-configuration',", v4, StringComparison.Ordinal);
        Assert.Contains($"clientId: '{app.ClientId}',", v4, StringComparison.Ordinal);
        Assert.Contains(Indented(Guide(authTs, app)), readme, StringComparison.Ordinal);
        Assert.Contains(Indented(Guide(v4, app)), readme, StringComparison.Ordinal);
        Assert.Contains(Indented(Value(page.Document, "guide-route-ts")), readme, StringComparison.Ordinal);
        Assert.DoesNotContain(app.ClientSecret, page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedirectUriEdits_AreSavedThroughTheService_AndAuditedWithTheOperator()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        var app = await _world.CreateAppAsync();
        var path = $"{List}/{app.Id}";
        var page = await visitor.GetAsync(path);

        using var saved = await ConsoleForm.Of(page.Document, path)
            .With("redirectUris", "https://books.example/api/auth/callback/logto\r\nhttp://localhost:3000/api/auth/callback/logto\r\n")
            .With("postLogoutRedirectUris", "https://books.example")
            .With("connectors", SignInHost.ConnectorId)
            .SendAsync(visitor);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await AppAsync(app.Id);
        Assert.Equal(["https://books.example/api/auth/callback/logto", "http://localhost:3000/api/auth/callback/logto"], Strings(stored["redirectUris"]));
        Assert.Equal(["https://books.example"], Strings(stored["postLogoutRedirectUris"]));
        Assert.Equal([SignInHost.ConnectorId], Strings(stored["connectors"]));
        Assert.Equal(Operator, Assert.Single(await ActorsAsync("app.updated")));
        var shown = await visitor.GetAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("The application was saved.", shown.Notice);
        Assert.Equal("https://books.example/api/auth/callback/logto\nhttp://localhost:3000/api/auth/callback/logto", Value(shown.Document, "f-redirectUris"));
    }

    [Fact]
    public async Task AnInvalidRedirectUri_ShowsItsErrorBesideTheList_NamingIt_AndSavesNothing()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        var app = await _world.CreateAppAsync();
        var path = $"{List}/{app.Id}";
        var before = (await AppAsync(app.Id)).ToJsonString();
        var page = await visitor.GetAsync(path);

        using var response = await ConsoleForm.Of(page.Document, path)
            .With("name", "")
            .With("redirectUris", "http://localhost:3000/api/auth/callback/logto\nhttps://books.example/cb#top")
            .SendAsync(visitor);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refused = new ConsolePage(response.StatusCode, null, Parser.ParseDocument(await response.Content.ReadAsStringAsync(Ct)), true);
        Assert.StartsWith("https://books.example/cb#top: ", Assert.Single(refused.ErrorsOf("redirectUris")), StringComparison.Ordinal);
        Assert.Equal(["Required."], refused.ErrorsOf("name"));
        Assert.Equal("http://localhost:3000/api/auth/callback/logto\nhttps://books.example/cb#top", Value(refused.Document, "f-redirectUris"));
        Assert.Equal(before, (await AppAsync(app.Id)).ToJsonString());
        Assert.Empty(await ActorsAsync("app.updated"));
    }

    [Fact]
    public async Task AnInvalidCreate_ShowsEveryErrorBesideItsField_AndCreatesNothing()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        var path = List + "/new/spa";
        var page = await visitor.GetAsync(path);
        Assert.NotNull(page.Document.GetElementById("f-corsOrigins")); // a single page app's browser calls the token endpoint

        using var response = await ConsoleForm.Of(page.Document, path)
            .With("name", "")
            .With("redirectUris", "")
            .With("corsOrigins", "https://spa.example/path")
            .SendAsync(visitor);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refused = new ConsolePage(response.StatusCode, null, Parser.ParseDocument(await response.Content.ReadAsStringAsync(Ct)), true);
        Assert.Equal(["Required."], refused.ErrorsOf("name"));
        Assert.Equal(["At least one redirect URI is required."], refused.ErrorsOf("redirectUris"));
        Assert.StartsWith("https://spa.example/path: Must be an origin", Assert.Single(refused.ErrorsOf("corsOrigins")), StringComparison.Ordinal);
        Assert.Equal(0, await Host.CountAsync("oidc_applications"));
    }

    [Fact]
    public async Task ASinglePageApp_HasNoSecret_NoAuthJsGuide_AndItsCorsOriginsSaved()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        var path = List + "/new/spa";
        var page = await visitor.GetAsync(path);

        using var response = await ConsoleForm.Of(page.Document, path)
            .With("name", "Spa")
            .With("redirectUris", "https://spa.example/callback")
            .With("corsOrigins", "https://spa.example")
            .SendAsync(visitor);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var shown = await visitor.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("The application was created.", shown.Notice);
        Assert.Null(shown.Document.GetElementById("app-secret-once"));
        Assert.Null(shown.Document.GetElementById("guide-auth-ts"));
        Assert.Equal("https://spa.example", Value(shown.Document, "f-corsOrigins"));
        Assert.Empty(shown.Document.QuerySelectorAll("a[href$='/rotate-secret']"));
    }

    [Fact]
    public async Task ANativeApp_TakesAPrivateUseSchemeRedirect_AndSaysSoBesideTheField()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        var path = List + "/new/native";
        var page = await visitor.GetAsync(path);
        Assert.Contains("com.example.app:/callback", page.Document.GetElementById("f-redirectUris-help")!.TextContent, StringComparison.Ordinal);

        using var response = await ConsoleForm.Of(page.Document, path)
            .With("name", "Phone")
            .With("redirectUris", "com.example.books:/callback")
            .SendAsync(visitor);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var app = Assert.Single((await (await Host.Admin.GetAsync("/api/apps", Ct)).ReadJsonAsync()).AsArray())!;
        Assert.Equal("native", app["type"]!.GetValue<string>());
        Assert.Equal(["com.example.books:/callback"], Strings(app["redirectUris"]));
        Assert.Null(app["clientSecret"]);
    }

    [Fact]
    public async Task RotatingTheSecret_AsksFirst_ThenShowsTheNewOneOnce_AndTheOldOneStopsWorking()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        var app = await _world.CreateAppAsync();
        var rotate = $"{List}/{app.Id}/rotate-secret";

        var confirm = await visitor.GetAsync(rotate);
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Equal("Rotate the App secret of Next app?", confirm.Heading);
        Assert.Empty(await ActorsAsync("app.secret_rotated"));

        using var rotated = await visitor.SubmitAsync(confirm.Document, rotate, []);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var page = Parser.ParseDocument(await rotated.Content.ReadAsStringAsync(Ct));
        var secret = Value(page, "app-secret-once");
        Assert.NotEqual(app.ClientSecret, secret);
        Assert.Equal(Operator, Assert.Single(await ActorsAsync("app.secret_rotated")));
        var tokens = await _world.SignInAndRedeemAsync(app with { ClientSecret = secret });
        Assert.NotNull(tokens["access_token"]);
        using var old = await _world.TokenAsync(app, OidcWorld.CodeGrant(app, "any-code"));
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal("invalid_client", (await OidcWorld.OAuthErrorAsync(old)).Error);
        Assert.DoesNotContain(secret, (await visitor.GetAsync($"{List}/{app.Id}")).Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingAnApp_AsksFirst_ThenDeletesIt_AuditedWithTheOperator()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        var app = await _world.CreateAppAsync();
        var delete = $"{List}/{app.Id}/delete";

        var confirm = await visitor.GetAsync(delete);
        Assert.Equal("Delete Next app?", confirm.Heading);
        Assert.Equal(HttpStatusCode.OK, (await Host.Admin.GetAsync($"/api/apps/{app.Id}", Ct)).StatusCode);

        using var deleted = await visitor.SubmitAsync(confirm.Document, delete, []);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Admin.GetAsync($"/api/apps/{app.Id}", Ct)).StatusCode);
        Assert.Equal(Operator, Assert.Single(await ActorsAsync("app.deleted")));
        var list = await visitor.GetAsync(deleted.Headers.Location!.OriginalString);
        Assert.Equal("The application was deleted.", list.Notice);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"{List}/{app.Id}")).Status);
    }

    [Fact]
    public async Task ForgedForms_CreateSaveRotateAndDeleteNothing()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        var app = await _world.CreateAppAsync();
        var before = (await AppAsync(app.Id)).ToJsonString();

        using var create = await visitor.PostForgedAsync(AuthJsForm, new() { ["name"] = "Forged", ["redirectUris"] = AuthJsRedirect });
        using var save = await visitor.PostForgedAsync($"{List}/{app.Id}", new() { ["name"] = "Forged", ["redirectUris"] = "https://evil.example/cb" });
        using var rotate = await visitor.PostForgedAsync($"{List}/{app.Id}/rotate-secret", []);
        using var delete = await visitor.PostForgedAsync($"{List}/{app.Id}/delete", []);

        Assert.All([create, save, rotate, delete], response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
        Assert.Equal(before, (await AppAsync(app.Id)).ToJsonString());
        Assert.Equal(1, await Host.CountAsync("oidc_applications"));
        Assert.Empty(await Host.Database.QueryAsync<string>("SELECT action FROM audit_events WHERE action LIKE 'app.%' AND action <> 'app.created'"));
    }

    [Fact]
    public async Task TheList_ShowsEachAppsNameTypeAndAppId()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(Host.Factory);
        Assert.NotNull((await visitor.GetAsync(List)).Document.QuerySelector(".empty"));
        var app = await _world.CreateAppAsync();

        var list = await visitor.GetAsync(List);

        var row = Assert.Single(list.Document.QuerySelectorAll("table.data tbody tr"));
        Assert.Equal(["Next app", "Traditional web", app.ClientId, "1"], row.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()));
        Assert.Equal($"{List}/{app.Id}", row.QuerySelector("a")!.GetAttribute("href"));
    }

    /// <summary>The README's block: the guide's placeholders where this app's values are.</summary>
    private static string Guide(string code, OidcApp app) => code
        .Replace(OidcWorld.Issuer + "/.well-known/openid-configuration", "https://xxxx.logto.app/oidc/.well-known/openid-configuration", StringComparison.Ordinal)
        .Replace(OidcWorld.Issuer, "https://xxxx.logto.app/oidc", StringComparison.Ordinal)
        .Replace(app.ClientId, "<logto-app-id>", StringComparison.Ordinal)
        .Replace("'<App secret, shown once in the console when the app was created or its secret rotated>'", "'<logto-app-secret>'", StringComparison.Ordinal);

    /// <summary>The README quotes code inside a numbered list item: three spaces in.</summary>
    private static string Indented(string code) => string.Join('\n', code.Split('\n').Select(line => line.Length == 0 ? "" : "   " + line));

    private static string Value(IDocument document, string id) => document.GetElementById(id) switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement area => area.Value,
        _ => throw new InvalidOperationException($"No input or text area {id} on the page."),
    };

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private async Task<JsonNode> AppAsync(string id) => await (await Host.Admin.GetAsync($"/api/apps/{id}", Ct)).ReadJsonAsync();

    private Task<IReadOnlyList<string>> ActorsAsync(string action) =>
        Host.Database.QueryAsync<string>("SELECT actor FROM audit_events WHERE action = @Action ORDER BY id", new { Action = action });

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(item => item!.GetValue<string>())];
}
