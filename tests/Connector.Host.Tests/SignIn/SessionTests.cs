using System.Net;
using System.Text.RegularExpressions;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.SignIn;

public sealed partial class SessionTests : IAsyncLifetime
{
    private SignInHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await SignInHost.StartAsync();
        await _host.CreateConnectorAsync();
        _host.Upstream.SignsIn("""{"sub":"user-7","name":"Katherine Johnson"}""");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task SignOut_WithTheAccountPagesToken_EndsTheSession()
    {
        using var browser = _host.NewBrowser();
        await browser.SignInAsync(SignInHost.ConnectorId);
        using var account = await browser.GetAsync("/account");
        var html = await account.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = AntiforgeryToken().Match(html).Groups["token"].Value;
        Assert.NotEmpty(token);

        using var signOut = await browser.Client.PostAsync("/sign-out",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/sign-in", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOut_WithoutTheToken_IsRefusedAndKeepsTheSession()
    {
        using var browser = _host.NewBrowser();
        await browser.SignInAsync(SignInHost.ConnectorId);

        using var forged = await browser.Client.PostAsync("/sign-out",
            new FormUrlEncodedContent(new Dictionary<string, string>()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var account = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
    }

    [Fact]
    public async Task FlowStartedOnOneInstance_CompletesOnAnother_AndTheSessionIsValidOnTheFirst()
    {
        await using var second = new HostFactory(_host.Database.ConnectionString);
        using var onFirst = _host.NewBrowser();
        using var onSecond = second.NewBrowser(onFirst.Cookies); // the same browser, behind a load balancer
        var callback = await Browser.AtProviderAsync(await onFirst.StartAsync(SignInHost.ConnectorId));

        using var completed = await onSecond.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);

        using var account = await onFirst.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains("Katherine Johnson", await account.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSessionOnTheServer_SoACopiedCookieIsRefusedToo()
    {
        using var browser = _host.NewBrowser();
        await browser.SignInAsync(SignInHost.ConnectorId);
        using var copy = _host.Factory.NewBrowser(browser.CopyOfCookies());
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/account")).StatusCode);

        await SignOutAsync(browser);

        using var withCopy = await copy.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, withCopy.StatusCode);
        Assert.Equal(1, await _host.CountAsync("revoked_sessions"));
    }

    [Fact]
    public async Task ASession_StaysWhileUsed_ButEndsAtItsAbsoluteLifetime()
    {
        await using var host = await SignInHost.StartAsync(new Dictionary<string, string?>
        {
            ["Connectors:Sessions:SlidingMinutes"] = "60",
            ["Connectors:Sessions:AbsoluteHours"] = "2",
        });
        await host.CreateConnectorAsync();
        host.Upstream.SignsIn("""{"sub":"user-8","name":"Dorothy Vaughan"}""");
        using var browser = host.NewBrowser();
        await browser.SignInAsync(SignInHost.ConnectorId);

        for (var visit = 0; visit < 2; visit++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(50));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
        }

        host.Clock.Advance(TimeSpan.FromMinutes(21)); // 2 h 1 min after the sign-in, 21 min after the last visit
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task ASession_LeftIdleLongerThanItsSlidingLifetime_Ends()
    {
        await using var host = await SignInHost.StartAsync(new Dictionary<string, string?> { ["Connectors:Sessions:SlidingMinutes"] = "30" });
        await host.CreateConnectorAsync();
        host.Upstream.SignsIn("""{"sub":"user-9","name":"Mary Jackson"}""");
        using var browser = host.NewBrowser();
        await browser.SignInAsync(SignInHost.ConnectorId);

        host.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
    }

    private static async Task SignOutAsync(Browser browser)
    {
        using var account = await browser.GetAsync("/account");
        var token = AntiforgeryToken().Match(await account.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups["token"].Value;
        using var signOut = await browser.Client.PostAsync("/sign-out",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
    }


    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
