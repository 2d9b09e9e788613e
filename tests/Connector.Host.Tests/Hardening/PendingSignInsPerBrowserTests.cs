using System.Net;
using Connector.Host.SignIn;
using Connector.Host.Tests.SignIn;
using Dapper;

namespace Connector.Host.Tests.Hardening;

/// <summary>
/// At most 20 pending sign-ins per browser: starting a 21st forgets the oldest, so one browser cannot pile up state
/// rows, while a user with many tabs loses only the tab they opened first.
/// </summary>
public sealed class PendingSignInsPerBrowserTests : IAsyncLifetime
{
    private const string Profile = """{"sub":"tabby"}""";
    private SignInHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await SignInHost.StartAsync();
        await _host.CreateConnectorAsync();
        _host.Upstream.SignsIn(Profile);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task TwentyFirstStart_ForgetsTheOldest_AndKeepsTwentyPending()
    {
        using var browser = _host.NewBrowser();
        var starts = await StartManyAsync(browser, SignInStateStore.MaxPendingPerBrowser + 1);
        var pending = await PendingAsync();

        using var oldest = await browser.GetAsync(await Browser.AtProviderAsync(starts[0]));
        using var secondOldest = await browser.GetAsync(await Browser.AtProviderAsync(starts[1]));

        Assert.Equal(SignInStateStore.MaxPendingPerBrowser, pending);
        Assert.Equal(HttpStatusCode.BadRequest, oldest.StatusCode);
        Assert.Contains("invalid_state", await oldest.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, secondOldest.StatusCode);
    }

    [Fact]
    public async Task TwentyStarts_AreAllKept()
    {
        using var browser = _host.NewBrowser();
        var starts = await StartManyAsync(browser, SignInStateStore.MaxPendingPerBrowser);

        using var oldest = await browser.GetAsync(await Browser.AtProviderAsync(starts[0]));

        Assert.Equal(HttpStatusCode.Redirect, oldest.StatusCode);
    }

    [Fact]
    public async Task ManyStartsInOneBrowser_LeaveAnotherBrowsersSignInAlone()
    {
        using var patient = _host.NewBrowser();
        var waiting = await patient.StartAsync(SignInHost.ConnectorId);
        using var busy = _host.NewBrowser();
        await StartManyAsync(busy, SignInStateStore.MaxPendingPerBrowser + 5);

        using var completed = await patient.GetAsync(await Browser.AtProviderAsync(waiting));

        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
    }

    [Fact]
    public async Task ConsumedAndExpiredStates_DoNotCountAgainstTheBound()
    {
        using var browser = _host.NewBrowser();
        var early = await StartManyAsync(browser, 5);
        using (var done = await browser.GetAsync(await Browser.AtProviderAsync(early[4])))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        _host.Clock.Advance(TimeSpan.FromMinutes(11)); // the other four expire
        var fresh = await StartManyAsync(browser, SignInStateStore.MaxPendingPerBrowser);

        using var oldestFresh = await browser.GetAsync(await Browser.AtProviderAsync(fresh[0]));

        Assert.Equal(HttpStatusCode.Redirect, oldestFresh.StatusCode);
    }

    private async Task<List<Uri>> StartManyAsync(Browser browser, int count)
    {
        var urls = new List<Uri>();
        for (var i = 0; i < count; i++)
        {
            urls.Add(await browser.StartAsync(SignInHost.ConnectorId));
            _host.Clock.Advance(TimeSpan.FromSeconds(1)); // distinct creation times, so "oldest" is well defined
        }

        return urls;
    }

    private async Task<long> PendingAsync()
    {
        await using var connection = await _host.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sign_in_states WHERE consumed_at IS NULL");
    }
}
