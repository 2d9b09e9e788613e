using System.Net;

namespace Connector.Host.Tests.SignIn;

public sealed class ConcurrentSignInTests : IAsyncLifetime
{
    private SignInHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await SignInHost.StartAsync();
        await _host.CreateConnectorAsync();
        _host.Upstream.SignsIn("""{"sub":"same-subject","name":"Twenty Tabs"}""");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task TwentyParallelFirstSignInsOfOneSubject_CreateExactlyOneUserAndIdentity()
    {
        var browsers = Enumerable.Range(0, 20).Select(_ => _host.NewBrowser()).ToList();
        // Every flow is parked at its callback first, so the twenty callbacks race for real.
        var callbacks = await Task.WhenAll(browsers.Select(async b => await Browser.AtProviderAsync(await b.StartAsync(SignInHost.ConnectorId))));

        var responses = await Task.WhenAll(browsers.Select((b, i) => b.GetAsync(callbacks[i])));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await _host.CountAsync("users"));
        Assert.Equal(1, await _host.CountAsync("user_identities"));
        Assert.Equal(20, (await _host.AuditOutcomesAsync()).Count(o => o == "success"));
        foreach (var item in responses.Cast<IDisposable>().Concat(browsers))
        {
            item.Dispose();
        }
    }
}
