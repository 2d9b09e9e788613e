using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connector.Browser.Tests.Infrastructure;
using Connector.Testing.Database;
using Connector.Testing.Providers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Connector.Browser.Tests.Console;

/// <summary>
/// The seed's operator journey through the console only, in real headless Chromium: key sign-in, an OAuth2 connector
/// to a WireMock provider (refused first, then saved), its dry run, first place on the sign-in page, a Traditional web
/// app with its issuer and Auth.js code, a user signing in through that app, found by email, disabled, refused, and the
/// audit trail naming the operator at every step.
/// </summary>
public sealed class ConsoleJourneyTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string AppRedirectUri = "http://localhost:3999/api/auth/callback/logto";
    private const string UserEmail = "ada@example.com";

    private TestDatabase _database = null!;
    private LoopbackHost _host = null!;
    private readonly FakeProvider _upstream = new();
    private IBrowserContext _operator = null!;
    private IBrowserContext _user = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _host = new LoopbackHost(_database.ConnectionString);
        _host.StartServer();
        _upstream.SignsIn($$"""{"sub":"upstream-ada","name":"Ada Lovelace","email":"{{UserEmail}}","email_verified":true}""");
        await SeedOtherConnectorAsync();
        _operator = await chromium.NewContextAsync();
        _user = await chromium.NewContextAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in new[] { _operator, _user })
        {
            if (TestContext.Current.TestState?.Result == TestResult.Failed && context.Pages is [.., var page])
            {
                await Screenshots.TakeAsync(page, "console-failure-" + (context == _operator ? "operator" : "user"), forDocs: false);
            }

            await context.DisposeAsync();
        }

        await _host.DisposeAsync();
        _upstream.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task TheOperatorsJourney_InTheConsoleOnly()
    {
        var origin = _host.Origin;
        var console = await _operator.NewPageAsync();

        // Sign in with the admin key; afterwards the root URL leads to the console.
        await console.GotoAsync(origin + "/console");
        await Expect(console).ToHaveURLAsync(new Regex(Regex.Escape(origin + "/console/sign-in")));
        await console.GetByLabel("Admin key").FillAsync(LoopbackHost.AdminKey);
        await console.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(console).ToHaveURLAsync(origin + "/console");
        await console.GotoAsync(origin + "/");
        await Expect(console).ToHaveURLAsync(origin + "/console");
        await Screenshots.TakeAsync(console, "console-dashboard");

        // Connectors > Add social connector > OAuth2, first with a bad endpoint and no client id.
        await Nav(console, "Connectors").ClickAsync();
        await console.GetByRole(AriaRole.Link, new() { Name = "Add social connector" }).ClickAsync();
        await Screenshots.TakeAsync(console, "console-add-connector");
        await console.GetByRole(AriaRole.Link, new() { Name = "OAuth2" }).First.ClickAsync();
        await Input(console, "name").FillAsync("Acme");
        await Input(console, "id").FillAsync("acme");
        await Input(console, "config.authorizationEndpoint").FillAsync("not a url");
        await Input(console, "config.tokenEndpoint").FillAsync(_upstream.TokenEndpoint);
        await Input(console, "config.userInfoEndpoint").FillAsync(_upstream.UserInfoEndpoint);
        await Input(console, "config.clientSecret").FillAsync("acme-secret-value");
        await Save(console);

        await Expect(console.GetByRole(AriaRole.Alert)).ToContainTextAsync("2 problem(s)");
        await Expect(ErrorOf(console, "config.authorizationEndpoint")).ToBeVisibleAsync();
        await Expect(ErrorOf(console, "config.clientId")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(console, "console-connector-errors");
        Assert.Equal(["other"], await ConnectorIdsAsync()); // nothing saved

        await Input(console, "config.authorizationEndpoint").FillAsync(_upstream.AuthorizationEndpoint);
        await Input(console, "config.clientId").FillAsync("acme-client");
        await Input(console, "config.clientSecret").FillAsync("acme-secret-value"); // write-only: typed again
        await Input(console, "config.profileMap.id").FillAsync("sub");
        await Save(console);
        await Expect(console.GetByRole(AriaRole.Status)).ToContainTextAsync("The connector was saved");
        Assert.DoesNotContain("acme-secret-value", await console.ContentAsync(), StringComparison.Ordinal);

        // Test: the dry run shows the profile as mapped.
        await console.GetByRole(AriaRole.Button, new() { Name = "Test", Exact = true }).ClickAsync();
        await Expect(console.GetByText("upstream-ada").First).ToBeVisibleAsync();
        await Expect(console.GetByText(UserEmail).First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(console, "console-connector-test");
        await console.Locator("a[href='/console/connectors/acme']").First.ClickAsync(); // the result leads back

        // Sign-in experience: Acme first.
        await Nav(console, "Sign-in experience").ClickAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = "Move up: Acme" }).ClickAsync();
        await Expect(console.GetByRole(AriaRole.Status)).ToContainTextAsync("were saved");
        await Screenshots.TakeAsync(console, "console-sign-in-experience");
        Assert.Equal(["acme", "other"], await ExperienceOrderAsync());

        // Applications > Create application > Auth.js (Next Auth), then read its issuer and code.
        await Nav(console, "Applications").ClickAsync();
        await console.GetByRole(AriaRole.Link, new() { Name = "Create application" }).First.ClickAsync();
        await console.GetByRole(AriaRole.Link, new() { Name = "Auth.js (Next Auth)" }).ClickAsync();
        await console.GetByRole(AriaRole.Textbox, new() { Name = "Application name", Exact = true }).FillAsync("Bookstore");
        await console.GetByRole(AriaRole.Textbox, new() { Name = "Redirect URIs", Exact = true }).FillAsync(AppRedirectUri);
        await console.GetByRole(AriaRole.Button, new() { Name = "Create application" }).ClickAsync();
        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = "Application created" })).ToBeVisibleAsync();
        var issuer = origin + "/oidc";
        await Expect(console.GetByRole(AriaRole.Textbox, new() { Name = "Issuer endpoint", Exact = true })).ToHaveValueAsync(issuer);
        var clientId = (await AppClientIdsAsync()).Single();
        var code = await console.Locator(".guide textarea").EvaluateAllAsync<string[]>("blocks => blocks.map(block => block.value)");
        Assert.Contains(code, block => block.Contains($"issuer: '{issuer}'", StringComparison.Ordinal) && block.Contains(clientId, StringComparison.Ordinal));
        await Screenshots.TakeAsync(console, "console-application");

        // A user signs in through that app: Acme is the first button, the app receives a code.
        var userPage = await SignInThroughTheAppAsync(clientId);
        await Expect(userPage).ToHaveURLAsync(new Regex("^" + Regex.Escape(AppRedirectUri) + @"\?code="));

        // Users: find her by email, disable her.
        await Nav(console, "Users").ClickAsync();
        await console.GetByLabel("Search").FillAsync(UserEmail);
        await console.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await console.GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" }).ClickAsync();
        await Screenshots.TakeAsync(console, "console-user");
        await console.GetByRole(AriaRole.Button, new() { Name = "Disable", Exact = true }).ClickAsync();
        await Expect(console.GetByRole(AriaRole.Status)).ToContainTextAsync("disabled and signed out everywhere");

        // Her next sign-in is refused.
        var again = await SignInThroughTheAppAsync(clientId);
        await Expect(again.Locator("code", new() { HasText = "user_disabled" })).ToBeVisibleAsync();

        // Audit: every step, the operator as actor.
        await Nav(console, "Audit").ClickAsync();
        await Screenshots.TakeAsync(console, "console-audit");
        var rows = await console.Locator("table tbody tr").AllInnerTextsAsync();
        var operatorActor = await OperatorActorAsync();
        foreach (var action in new[] { "connector.created", "sign_in_experience.updated", "app.created", "User.Updated" })
        {
            Assert.True(rows.Any(row => row.Contains(action + "\t", StringComparison.Ordinal) && row.Contains(operatorActor, StringComparison.Ordinal)),
                $"no {action} by {operatorActor} in:\n{string.Join('\n', rows)}");
        }

        // The dry run's callback and the user's two sign-ins are the provider's and the user's own events.
        Assert.Contains(rows, row => row.Contains("sign_in_test\tacme\tsuccess", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.Contains("sign_in\tacme\tsuccess", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.Contains("sign_in\tacme\tuser_disabled", StringComparison.Ordinal));
    }

    private static ILocator Nav(IPage page, string section) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Console sections" }).GetByRole(AriaRole.Link, new() { Name = section, Exact = true });

    /// <summary>A connector form field by its name, the admin API's document path (its label is the last segment).</summary>
    private static ILocator Input(IPage page, string path) => page.Locator($"[name='{path}']");

    private static Task Save(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Save and Done" }).ClickAsync();

    /// <summary>The first error a field points at through <c>aria-describedby</c>.</summary>
    private static ILocator ErrorOf(IPage page, string field) =>
        page.Locator($"[name='{field}'] ~ p.field-error").First;

    private async Task<IPage> SignInThroughTheAppAsync(string clientId)
    {
        var page = await _user.NewPageAsync();
        // The app itself is not running: the browser's arrival at its callback is answered here.
        await page.RouteAsync(AppRedirectUri + "**", route => route.FulfillAsync(new() { Status = 200, ContentType = "text/plain", Body = "the app got a code" }));
        await page.GotoAsync($"{_host.Origin}/oidc/auth?client_id={clientId}&response_type=code&scope=openid%20profile%20email"
            + $"&redirect_uri={Uri.EscapeDataString(AppRedirectUri)}&state=journey");
        var buttons = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Continue with") });
        await Expect(buttons.First).ToHaveAccessibleNameAsync("Continue with Acme");
        await buttons.First.ClickAsync();
        return page;
    }

    private async Task SeedOtherConnectorAsync()
    {
        var body = new JsonObject
        {
            ["id"] = "other",
            ["name"] = "Other",
            ["config"] = new JsonObject
            {
                ["authorizationEndpoint"] = _upstream.AuthorizationEndpoint,
                ["tokenEndpoint"] = _upstream.TokenEndpoint,
                ["userInfoEndpoint"] = _upstream.UserInfoEndpoint,
                ["clientId"] = "other-client",
                ["clientSecret"] = "other-secret-value",
                ["profileMap"] = new JsonObject { ["id"] = "sub" },
            },
        };
        using var admin = Admin();
        using var response = await admin.PostAsync("/api/connectors", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    private HttpClient Admin()
    {
        var client = new HttpClient { BaseAddress = new Uri(_host.Origin) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LoopbackHost.AdminKey);
        return client;
    }

    private async Task<JsonNode> GetAsync(string path)
    {
        using var admin = Admin();
        return JsonNode.Parse(await admin.GetStringAsync(path))!;
    }

    private async Task<List<string>> ConnectorIdsAsync() =>
        [.. (await GetAsync("/api/connectors")).AsArray().Select(connector => connector!["id"]!.GetValue<string>()).Order()];

    private async Task<List<string>> ExperienceOrderAsync() =>
        [.. (await GetAsync("/api/sign-in-experience"))["connectors"]!.AsArray().Select(id => id!.GetValue<string>())];

    private async Task<List<string>> AppClientIdsAsync() =>
        [.. (await GetAsync("/api/apps")).AsArray().Select(app => app!["clientId"]!.GetValue<string>())];

    /// <summary>The actor the admin key is audited as (its fingerprint), read from the trail the seeding wrote.</summary>
    private async Task<string> OperatorActorAsync() =>
        (await GetAsync("/api/audit?action=connector.created")).AsArray().Last()!["actor"]!.GetValue<string>();
}
