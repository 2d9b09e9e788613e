using System.Net;
using System.Web;

namespace Connector.Host.Tests.SignIn;

/// <summary>
/// Every way a callback's state can be wrong ends on a 400 page with the right code and writes no user. A state that
/// names no pending sign-in (missing, unknown, replayed, another browser's or connector's) is anyone's to send and writes
/// no audit row either; an expired one was a real sign-in and is audited.
/// </summary>
public sealed class CallbackStateTests : IAsyncLifetime
{
    private SignInHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await SignInHost.StartAsync();
        await _host.CreateConnectorAsync();
        await _host.CreateConnectorAsync("other", "Other");
        _host.Upstream.SignsIn("""{"sub":"user-1","name":"Grace"}""");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task MissingState_ShowsInvalidState()
    {
        using var browser = _host.NewBrowser();

        using var response = await browser.GetAsync("/callback/acme?code=abc");

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "invalid_state");
    }

    [Fact]
    public async Task UnknownState_ShowsInvalidState()
    {
        using var browser = _host.NewBrowser();
        await browser.StartAsync(SignInHost.ConnectorId); // the browser has a binding cookie, but not this state

        using var response = await browser.GetAsync("/callback/acme?code=abc&state=" + new string('A', 43));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "invalid_state");
    }

    [Fact]
    public async Task ReplayedState_ShowsInvalidState()
    {
        using var browser = _host.NewBrowser();
        var callback = await Browser.AtProviderAsync(await browser.StartAsync(SignInHost.ConnectorId));
        using (var first = await browser.GetAsync(callback))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var replay = await browser.GetAsync(callback);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("invalid_state", await replay.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Single(_host.Upstream.Requests("/token")); // the code was exchanged once
    }

    [Fact]
    public async Task StateFromAnotherBrowser_ShowsInvalidState_AndStaysUsableByItsOwnBrowser()
    {
        using var victim = _host.NewBrowser();
        using var attacker = _host.NewBrowser();
        var callback = await Browser.AtProviderAsync(await victim.StartAsync(SignInHost.ConnectorId));

        using var stolen = await attacker.GetAsync(callback);
        await AssertRefusedAsync(stolen, HttpStatusCode.BadRequest, "invalid_state");

        using var own = await victim.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
    }

    [Fact]
    public async Task StateForAnotherConnector_ShowsInvalidState()
    {
        using var browser = _host.NewBrowser();
        var callback = await Browser.AtProviderAsync(await browser.StartAsync(SignInHost.ConnectorId));

        using var response = await browser.GetAsync(callback.Replace("/callback/acme", "/callback/other", StringComparison.Ordinal));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "invalid_state");
    }

    [Fact]
    public async Task StateOlderThanTenMinutes_ShowsStateExpired()
    {
        using var browser = _host.NewBrowser();
        var callback = await Browser.AtProviderAsync(await browser.StartAsync(SignInHost.ConnectorId));
        _host.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        using var response = await browser.GetAsync(callback);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "state_expired");
        Assert.Empty(_host.Upstream.Requests("/token"));
    }

    [Fact]
    public async Task StateJustInsideTenMinutes_StillSignsIn()
    {
        using var browser = _host.NewBrowser();
        var callback = await Browser.AtProviderAsync(await browser.StartAsync(SignInHost.ConnectorId));
        _host.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));

        using var response = await browser.GetAsync(callback);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task UnknownOrDisabledConnector_AtStart_ShowsAPageNotARedirect()
    {
        await _host.CreateConnectorAsync("off", "Off", enabled: false);
        using var browser = _host.NewBrowser();

        using var missing = await browser.GetAsync("/sign-in/nope");
        using var disabled = await browser.GetAsync("/sign-in/off");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("connector_not_found", await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, disabled.StatusCode);
        Assert.Contains("connector_disabled", await disabled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(code, html, StringComparison.Ordinal);
        Assert.Contains("Trace id", html, StringComparison.Ordinal);
        Assert.Equal(0, await _host.CountAsync("users"));
        Assert.Equal(0, await _host.CountAsync("user_identities"));
        if (code == "invalid_state")
        {
            Assert.DoesNotContain(code, await _host.AuditOutcomesAsync());
        }
        else
        {
            Assert.Contains(code, await _host.AuditOutcomesAsync());
        }

        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith("connectors.session=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)));
        _ = HttpUtility.HtmlEncode(code);
    }
}
