using System.Text.RegularExpressions;
using Connector.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Connector.Browser.Tests.SignIn;

/// <summary>The end user's whole trip in real headless Chromium: sign-in page, demo provider, account, sign-out.</summary>
public sealed class DemoSignInTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private DemoWorld _world = null!;
    private IBrowserContext _context = null!;

    public async ValueTask InitializeAsync()
    {
        _world = await DemoWorld.StartAsync();
        _context = await chromium.NewContextAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed && _context.Pages is [.., var page])
        {
            await Screenshots.TakeAsync(page, "failure", forDocs: false); // where the browser stood when it failed
        }

        await _context.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task ContinueWithDemo_SignsInThroughTheProvider_ShowsTheAccount_AndSignsOut()
    {
        var origin = _world.Host.Origin;
        var page = await _context.NewPageAsync();

        // Sign-in page: the button is there and the keyboard reaches it first, with a visible focus ring.
        await page.GotoAsync(origin + "/sign-in");
        await Expect(page).ToHaveTitleAsync("Sign in · Connectors");
        var continueWithDemo = page.GetByRole(AriaRole.Link, new() { Name = "Continue with Demo" });
        await Expect(continueWithDemo).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "sign-in", forDocs: false); // the README's come from tests/pages
        await page.Keyboard.PressAsync("Tab");
        await Expect(continueWithDemo).ToBeFocusedAsync();
        await Expect(continueWithDemo).ToHaveCSSAsync("outline-style", "solid");
        await Screenshots.TakeAsync(page, "sign-in-focused", forDocs: false);

        // The provider's own login form, on its own origin.
        await continueWithDemo.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(_world.Provider.Origin + "/authorize?")));
        await page.GetByLabel("Your name").FillAsync("Ada Lovelace");
        await page.GetByLabel("Email (optional)").FillAsync("ada@example.com");
        await Screenshots.TakeAsync(page, "provider");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Back through /callback/demo to the account page, showing what the provider said.
        await Expect(page).ToHaveURLAsync(origin + "/account");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Ada Lovelace", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("ada@example.com", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Signed in with Demo", new() { Exact = true })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "account", forDocs: false);

        // Sign-out ends the session: back on /sign-in, and /account no longer opens.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(origin + "/sign-in");
        await page.GotoAsync(origin + "/account");
        await Expect(page).ToHaveURLAsync(origin + "/sign-in");

        // An error page: a callback without state.
        var error = await page.GotoAsync($"{origin}/callback/{DemoWorld.ConnectorId}");
        Assert.Equal(400, error!.Status);
        await Expect(page.Locator("code", new() { HasText = "invalid_state" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to sign-in" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "error", forDocs: false);
    }
}
