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

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
