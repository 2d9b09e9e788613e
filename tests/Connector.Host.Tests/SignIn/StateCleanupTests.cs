namespace Connector.Host.Tests.SignIn;

public sealed class StateCleanupTests : IAsyncLifetime
{
    private SignInHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await SignInHost.StartAsync();
        await _host.CreateConnectorAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task ExpiredStates_AreDeletedAnHourAfterExpiry_FreshOnesStay()
    {
        using var browser = _host.NewBrowser();
        await browser.StartAsync(SignInHost.ConnectorId);
        Assert.Equal(1, await _host.CountAsync("sign_in_states"));

        _host.Clock.Advance(TimeSpan.FromMinutes(5)); // a cleanup tick: the state is still young
        Assert.Equal(1, await WaitForCountAsync(1));

        await browser.StartAsync(SignInHost.ConnectorId);
        _host.Clock.Advance(TimeSpan.FromMinutes(75)); // both expired over an hour ago: the next ticks delete them

        Assert.Equal(0, await WaitForCountAsync(0));
    }

    /// <summary>The cleanup runs on the host's timer after the fake clock moved; poll the table, without sleeping on a fixed time.</summary>
    private async Task<long> WaitForCountAsync(long expected)
    {
        long count = -1;
        for (var attempt = 0; attempt < 1000 && count != expected; attempt++)
        {
            count = await _host.CountAsync("sign_in_states");
            await Task.Yield();
        }

        return count;
    }
}
