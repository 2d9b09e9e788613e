using Connector.OAuth2.Results;
using Connector.OAuth2.Tests.Support;
using Connector.Testing.Network;

namespace Connector.OAuth2.Tests.Tokens;

public sealed class OutboundLimitsTests : IDisposable
{
    private readonly FakeProvider _provider = new();

    [Fact]
    public async Task SlowTokenEndpoint_PastTheTimeout_IsProviderTimeout()
    {
        using var engine = new Engine(o => o.Timeout = TimeSpan.FromSeconds(1));
        var held = _provider.Holds("POST", FakeProvider.TokenPath);

        var result = await engine.Connector.ExchangeCodeAsync(Configs.For(_provider), Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.Equal(ConnectorErrorCodes.ProviderTimeout, result.Error?.Code);
        Assert.True(held.NoneAnswered, "the provider had answered, so the limit did not end the wait");
    }

    [Fact]
    public async Task SlowUserInfoEndpoint_PastTheTimeout_IsProviderTimeout()
    {
        using var engine = new Engine(o => o.Timeout = TimeSpan.FromSeconds(1));
        var held = _provider.Holds("GET", FakeProvider.UserInfoPath);

        var result = await engine.Connector.GetUserInfoAsync(Configs.For(_provider), TestTokens.Bearer("at"), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.Equal(ConnectorErrorCodes.ProviderTimeout, result.Error?.Code);
        Assert.True(held.NoneAnswered, "the provider had answered, so the limit did not end the wait");
    }

    [Fact]
    public async Task CallerCancellation_PropagatesInsteadOfBecomingAnError()
    {
        using var engine = new Engine();
        var held = _provider.Holds("POST", FakeProvider.TokenPath);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var exchange = engine.Connector.ExchangeCodeAsync(Configs.For(_provider), Configs.Exchange(), Configs.Calls(), cancellation.Token);
        await held.ArrivalOf(1); // cancelled while the request is at the provider, not before it left
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exchange);
    }

    [Fact]
    public async Task UserInfoCallerCancellation_PropagatesInsteadOfBecomingAnError()
    {
        using var engine = new Engine();
        var held = _provider.Holds("GET", FakeProvider.UserInfoPath);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var userInfo = engine.Connector.GetUserInfoAsync(Configs.For(_provider), TestTokens.Bearer("at"), Configs.Calls(), cancellation.Token);
        await held.ArrivalOf(1);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => userInfo);
    }

    [Fact]
    public async Task TokenAnswerOverTheCap_IsInvalidTokenResponse()
    {
        using var engine = new Engine();
        _provider.OnTokenJson("""{"access_token":"at","padding":""" + "\"" + new string('x', 2 * 1024 * 1024) + "\"}");

        var result = await engine.Connector.ExchangeCodeAsync(Configs.For(_provider), Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.Equal(ConnectorErrorCodes.InvalidTokenResponse, result.Error?.Code);
        Assert.Contains("1048576", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableTokenEndpoint_IsTokenExchangeFailed()
    {
        using var engine = new Engine();
        var config = Configs.For(_provider) with { TokenEndpoint = LoopbackPort.ClosedUrl() + "/token" };

        var result = await engine.Connector.ExchangeCodeAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.Equal(ConnectorErrorCodes.TokenExchangeFailed, result.Error?.Code);
        Assert.Null(result.Error?.ProviderStatus);
    }

    [Fact]
    public async Task RedirectFromTheTokenEndpoint_IsNotFollowed()
    {
        using var engine = new Engine();
        _provider.OnToken(FakeProvider.Redirect(_provider.Url + "/elsewhere"));

        var result = await engine.Connector.ExchangeCodeAsync(Configs.For(_provider), Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.Equal(ConnectorErrorCodes.TokenExchangeFailed, result.Error?.Code);
        Assert.Equal(302, result.Error?.ProviderStatus);
        Assert.Empty(_provider.Requests("/elsewhere")); // and FakeProvider fails on any unexpected request
    }

    [Fact]
    public async Task RedirectFromTheUserInfoEndpoint_IsNotFollowed()
    {
        using var engine = new Engine();
        _provider.OnUserInfo(FakeProvider.Redirect(_provider.Url + "/elsewhere"));

        var result = await engine.Connector.GetUserInfoAsync(Configs.For(_provider), TestTokens.Bearer("at"), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.Equal(ConnectorErrorCodes.UserInfoFailed, result.Error?.Code);
        Assert.Equal(302, result.Error?.ProviderStatus);
        Assert.Empty(_provider.Requests("/elsewhere"));
    }

    [Fact]
    public async Task CookiesSetByAProvider_AreNeverSentBack()
    {
        using var engine = new Engine();
        _provider.OnToken(FakeProvider.Json("""{"access_token":"at"}""").WithHeader("Set-Cookie", "sid=tracked; Path=/"));
        _provider.OnUserInfoJson("""{"id":"1"}""");

        var result = await engine.Connector.CompleteSignInAsync(Configs.For(_provider), Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.False(_provider.SingleRequest("/userinfo").HasHeader("Cookie"));
    }

    public void Dispose() => _provider.Dispose();
}
