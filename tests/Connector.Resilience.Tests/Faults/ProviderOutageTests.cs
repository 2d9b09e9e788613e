using System.Diagnostics;
using System.Net;
using Connector.Resilience.Tests.Infrastructure;

namespace Connector.Resilience.Tests.Faults;

/// <summary>
/// A provider that is slow, refuses connections or answers 5xx: a clear 502 page with the engine's code, within
/// the configured timeout, no user or identity written; a profile read failing once is retried, a code never.
/// </summary>
public sealed class ProviderOutageTests(FaultWorld world) : IClassFixture<FaultWorld>, IDisposable
{
    private readonly FaultyProvider _provider = new();

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task SlowTokenEndpoint_PastTheTimeout_ShowsProviderTimeout_AfterTheTimeoutNotTheDelay()
    {
        _provider.OnToken(FaultyProvider.Json("""{"access_token":"late"}""").WithDelay(TimeSpan.FromSeconds(4)));
        var id = await world.ConnectorAsync(_provider.Url);
        using var browser = new Browser(world.Host);
        var callback = await Browser.AtProviderAsync(await browser.StartAsync(id));

        var clock = Stopwatch.StartNew();
        using var response = await browser.GetAsync(callback);
        clock.Stop();

        await world.AssertFailedAsync(response, id, "provider_timeout");
        // Timeout 1 s; the provider would answer after 4 s. Anything near 4 s means the limit did not hold.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task SlowUserInfo_PastTheTimeout_ShowsProviderTimeout()
    {
        _provider.GoodToken();
        _provider.OnUserInfo(FaultyProvider.Json("""{"sub":"late"}""").WithDelay(TimeSpan.FromSeconds(4)));
        var id = await world.ConnectorAsync(_provider.Url);
        using var browser = new Browser(world.Host);

        var clock = Stopwatch.StartNew();
        using var response = await browser.SignInAsync(id);
        clock.Stop();

        await world.AssertFailedAsync(response, id, "provider_timeout");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task TokenEndpointRefusingConnections_ShowsTokenExchangeFailed()
    {
        var id = await world.ConnectorAsync(_provider.Url, tokenUrl: ClosedPort.Url() + "/token");
        using var browser = new Browser(world.Host);

        using var response = await browser.SignInAsync(id);

        await world.AssertFailedAsync(response, id, "token_exchange_failed");
    }

    [Fact]
    public async Task UserInfoRefusingConnections_ShowsUserInfoFailed()
    {
        _provider.GoodToken();
        var id = await world.ConnectorAsync(_provider.Url, userInfoUrl: ClosedPort.Url() + "/userinfo");
        using var browser = new Browser(world.Host);

        using var response = await browser.SignInAsync(id);

        await world.AssertFailedAsync(response, id, "userinfo_failed");
    }

    [Fact]
    public async Task UserInfoFailingOnceWith502_SignsInOnTheRetry()
    {
        _provider.GoodToken();
        _provider.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/userinfo").UsingGet())
            .InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(FaultyProvider.Json("""{"message":"bad gateway"}""", 502));
        _provider.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/userinfo").UsingGet())
            .InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(FaultyProvider.Json("""{"sub":"flaky-1","name":"Flaky"}"""));
        var id = await world.ConnectorAsync(_provider.Url);
        using var browser = new Browser(world.Host);

        using var response = await browser.SignInAsync(id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, _provider.Requests("/userinfo"));
        Assert.Equal(1, await world.Rows.CountAsync($"SELECT count(*) FROM user_identities WHERE connector_id = '{id}' AND subject = 'flaky-1'"));
    }

    [Fact]
    public async Task TokenEndpointAnswering503_ShowsTokenExchangeFailed_AndTheSingleUseCodeIsNotSentTwice()
    {
        _provider.OnToken(FaultyProvider.Json("""{"error":"temporarily_unavailable"}""", 503));
        var id = await world.ConnectorAsync(_provider.Url);
        using var browser = new Browser(world.Host);

        using var response = await browser.SignInAsync(id);

        await world.AssertFailedAsync(response, id, "token_exchange_failed");
        Assert.Equal(1, _provider.Requests("/token"));
    }

    [Fact]
    public async Task UserInfoAnswering500_IsRetriedOnce_ThenShowsUserInfoFailed()
    {
        _provider.GoodToken();
        _provider.OnUserInfo(FaultyProvider.Json("""{"message":"boom"}""", 500));
        var id = await world.ConnectorAsync(_provider.Url);
        using var browser = new Browser(world.Host);

        using var response = await browser.SignInAsync(id);

        await world.AssertFailedAsync(response, id, "userinfo_failed");
        Assert.Equal(2, _provider.Requests("/userinfo"));
    }
}
