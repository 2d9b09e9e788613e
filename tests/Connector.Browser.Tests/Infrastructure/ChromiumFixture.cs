using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Connector.Browser.Tests.Infrastructure.ChromiumFixture))]

namespace Connector.Browser.Tests.Infrastructure;

/// <summary>
/// One headless Debian chromium for the whole run. Playwright never downloads a
/// browser here: the executable path is always given. scripts/test.sh installs chromium when it is missing.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string Variable = "CONNECTORS_CHROMIUM";

    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured
        : Candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            $"No chromium at {string.Join(" or ", Candidates)} and {Variable} is not set. Run the tests through scripts/test.sh, " +
            "which installs Debian's chromium (apt-get install -y --no-install-recommends chromium).");

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Root in CI, no GPU, closed network: nothing may phone home or wait for it.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh profile (cookies, storage) at a fixed size, so screenshots stay small and comparable.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 900, Height = 700 },
            Locale = "en-US",
            ColorScheme = ColorScheme.Light,
        });
        context.SetDefaultTimeout(10_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
