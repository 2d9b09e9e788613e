using System.Net;

namespace Connector.Host.Tests.SignIn;

/// <summary>The provider refusing or failing: a clear page with the code, nothing written but the audit event.</summary>
public sealed class ProviderFailureTests : IAsyncLifetime
{
    private SignInHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await SignInHost.StartAsync();
        await _host.CreateConnectorAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task AccessDenied_ShowsTheYouCancelledPageWithAWayBack()
    {
        _host.Upstream.CallbackQuery = "error=access_denied&error_description=The+user+said+no";
        using var browser = _host.NewBrowser();

        using var response = await browser.SignInAsync(SignInHost.ConnectorId);

        var html = await AssertPageAsync(response, HttpStatusCode.BadRequest, "provider_access_denied");
        Assert.Contains("You cancelled", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/sign-in\"", html, StringComparison.Ordinal);
        Assert.Empty(_host.Upstream.Requests("/token"));
    }

    [Fact]
    public async Task OtherProviderError_ShowsProviderError()
    {
        _host.Upstream.CallbackQuery = "error=server_error&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E";
        using var browser = _host.NewBrowser();

        using var response = await browser.SignInAsync(SignInHost.ConnectorId);

        var html = await AssertPageAsync(response, HttpStatusCode.BadGateway, "provider_error");
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedCode_ShowsTokenExchangeFailedWithoutTheProvidersBody()
    {
        _host.Upstream.OnTokenJson("""{"error":"invalid_grant","error_description":"SECRET-ISH provider text"}""", 400);
        using var browser = _host.NewBrowser();

        using var response = await browser.SignInAsync(SignInHost.ConnectorId);

        var html = await AssertPageAsync(response, HttpStatusCode.BadGateway, "token_exchange_failed");
        Assert.DoesNotContain("SECRET-ISH", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingUserInfo_ShowsUserInfoFailed()
    {
        _host.Upstream.OnTokenJson("""{"access_token":"at","token_type":"Bearer"}""");
        _host.Upstream.OnUserInfoJson("""{"message":"boom"}""", 500);
        using var browser = _host.NewBrowser();

        using var response = await browser.SignInAsync(SignInHost.ConnectorId);

        await AssertPageAsync(response, HttpStatusCode.BadGateway, "userinfo_failed");
    }

    [Fact]
    public async Task ProfileWithoutId_ShowsProfileIdMissing()
    {
        _host.Upstream.SignsIn("""{"name":"No Subject"}""");
        using var browser = _host.NewBrowser();

        using var response = await browser.SignInAsync(SignInHost.ConnectorId);

        await AssertPageAsync(response, HttpStatusCode.BadGateway, "profile_id_missing");
    }

    [Fact]
    public async Task HtmlUserInfo_ShowsInvalidUserInfoResponse()
    {
        _host.Upstream.OnTokenJson("""{"access_token":"at"}""");
        _host.Upstream.OnUserInfo(200, "text/html", "<html>login</html>");
        using var browser = _host.NewBrowser();

        using var response = await browser.SignInAsync(SignInHost.ConnectorId);

        await AssertPageAsync(response, HttpStatusCode.BadGateway, "invalid_userinfo_response");
    }

    private async Task<string> AssertPageAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"<code>{code}</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeProvider.AccessToken, html, StringComparison.Ordinal);
        Assert.Equal(0, await _host.CountAsync("users"));
        Assert.Equal(0, await _host.CountAsync("user_identities"));
        Assert.Equal([code], await _host.AuditOutcomesAsync());
        return html;
    }
}
