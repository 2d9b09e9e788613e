using System.Diagnostics;
using System.Net;
using Connector.Resilience.Tests.Infrastructure;
using Connector.Testing.Network;

namespace Connector.Resilience.Tests.Faults;

/// <summary>
/// A provider that is slow, refuses connections or answers 5xx: a clear 502 page with the engine's code, within
/// the configured timeout, no user or identity written; a profile read failing once is retried, a code never.
/// </summary>
public sealed class ProviderOutageTests(FaultWorld world) : IClassFixture<FaultWorld>, IDisposable
{
    private readonly FakeProvider _provider = new();

    public void Dispose() => _provider.Dispose();

    [Theory]
    [InlineData(FakeProvider.TokenPath)]
    [InlineData(FakeProvider.UserInfoPath)]
    public async Task SlowEndpoint_PastTheTimeout_ShowsProviderTimeout_AfterTheTimeoutNotTheDelay(string path)
    {
        var held = _provider.HoldsAt(path);
        var id = await world.ConnectorAsync(_provider.Url);
        using var browser = world.Host.NewBrowser();
        var callback = await Browser.AtProviderAsync(await browser.StartAsync(id));

        var clock = Stopwatch.StartNew();
        using var response = await browser.GetAsync(callback);
        clock.Stop();

        await world.AssertFailedAsync(response, id, "provider_timeout");
        // The provider answers only when released, which comes after this: the 1 s limit ended the wait, not an answer.
        Assert.True(held.NoneAnswered, $"{path} answered before the page came back");
        // A loaded machine only makes the wait longer: the bound is an order of magnitude, not a window.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.5), $"The page came back after {clock.Elapsed}, before the 1 s limit could have run.");
    }

    [Theory]
    [InlineData(FakeProvider.TokenPath, "token_exchange_failed")]
    [InlineData(FakeProvider.UserInfoPath, "userinfo_failed")]
    public async Task EndpointRefusingConnections_ShowsThatStepFailed(string path, string code)
    {
        _provider.WorksUpTo(path);
        var id = await world.ConnectorAsync(_provider.Url, movedPath: path, movedTo: LoopbackPort.ClosedUrl());
        using var browser = world.Host.NewBrowser();

        using var response = await browser.SignInAsync(id);

        await world.AssertFailedAsync(response, id, code);
    }

    [Fact]
    public async Task UserInfoFailingOnceWith502_SignsInOnTheRetry()
    {
        _provider.IssuesAnAccessToken();
        _provider.OnceThen("GET", FakeProvider.UserInfoPath, FakeProvider.Json("""{"message":"bad gateway"}""", 502), FakeProvider.Json("""{"sub":"flaky-1","name":"Flaky"}"""));
        var id = await world.ConnectorAsync(_provider.Url);
        using var browser = world.Host.NewBrowser();

        using var response = await browser.SignInAsync(id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, _provider.Requests(FakeProvider.UserInfoPath).Count);
        Assert.Equal(1, await world.Database.CountAsync($"SELECT count(*) FROM user_identities WHERE connector_id = '{id}' AND subject = 'flaky-1'"));
    }

    [Theory]
    [InlineData(FakeProvider.TokenPath, 503, """{"error":"temporarily_unavailable"}""", "token_exchange_failed", 1)] // the single-use code is never sent twice
    [InlineData(FakeProvider.UserInfoPath, 500, """{"message":"boom"}""", "userinfo_failed", 2)] // a profile read is retried once
    public async Task EndpointAnswering5xx_ShowsThatStepFailed_RetryingOnlyTheProfileRead(string path, int status, string body, string code, int requests)
    {
        _provider.AnswersAt(path, FakeProvider.Json(body, status));
        var id = await world.ConnectorAsync(_provider.Url);
        using var browser = world.Host.NewBrowser();

        using var response = await browser.SignInAsync(id);

        await world.AssertFailedAsync(response, id, code);
        Assert.Equal(requests, _provider.Requests(path).Count);
    }
}
