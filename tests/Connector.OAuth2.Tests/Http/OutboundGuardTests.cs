using System.Net;
using Connector.OAuth2.Http;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tests.Support;

namespace Connector.OAuth2.Tests.Http;

/// <summary>
/// The outbound guard on the engine's real handler: the name is resolved by the guard, the addresses filtered, and
/// the socket connected to an allowed one; anything else never leaves the machine.
/// </summary>
public sealed class OutboundGuardTests : IDisposable
{
    private readonly FakeProvider _provider = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int Port => new Uri(_provider.Url).Port;

    public OutboundGuardTests() =>
        _provider.On("GET", "/ping", FakeProvider.Status(200).WithBody("pong"));

    [Fact]
    public async Task Localhost_IsRefused_WhenPrivateNetworksAreNotAllowed()
    {
        using var client = Client(allowPrivateNetworks: false);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://localhost:{Port}/ping", Ct));

        var refused = OutboundCallRefusedException.FindIn(failure);
        Assert.NotNull(refused);
        Assert.Equal(OutboundAddressKind.Loopback, refused.Kind);
        Assert.Contains("public addresses", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_provider.Requests("/ping"));
    }

    [Fact]
    public async Task Localhost_IsCalled_WhenPrivateNetworksAreAllowed()
    {
        using var client = Client(allowPrivateNetworks: true);

        using var response = await client.GetAsync($"http://localhost:{Port}/ping", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_provider.Requests("/ping"));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("[::ffff:127.0.0.1]")]
    public async Task LoopbackLiteral_IsRefused_WithoutAskingDns(string host)
    {
        var lookups = 0;
        using var client = Client(allowPrivateNetworks: false, resolve: (_, _) =>
        {
            lookups++;
            return Task.FromResult<IPAddress[]>([]);
        });

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://{host}:{Port}/ping", Ct));

        Assert.Equal(OutboundAddressKind.Loopback, OutboundCallRefusedException.FindIn(failure)?.Kind);
        Assert.Equal(0, lookups);
        Assert.Empty(_provider.Requests("/ping"));
    }

    [Fact]
    public async Task PublicLookingName_ResolvingToLoopbackAtCallTime_IsRefused()
    {
        // DNS rebinding: the name looked public when the connector was saved; what counts is what it resolves to now.
        using var client = Client(allowPrivateNetworks: false, resolve: Resolver("provider.example", "127.0.0.1"));

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://provider.example:{Port}/ping", Ct));

        Assert.Equal(OutboundAddressKind.Loopback, OutboundCallRefusedException.FindIn(failure)?.Kind);
        Assert.Empty(_provider.Requests("/ping"));
    }

    [Fact]
    public async Task NameWithAForbiddenAndAnAllowedAddress_ConnectsOnlyToTheAllowedOne()
    {
        // The metadata address comes first and is refused even in development; the socket goes to 127.0.0.1.
        using var client = Client(allowPrivateNetworks: true, resolve: Resolver("provider.example", "169.254.169.254", "127.0.0.1"));

        using var response = await client.GetAsync($"http://provider.example:{Port}/ping", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_provider.Requests("/ping"));
    }

    [Fact]
    public async Task NameResolvingOnlyToTheMetadataAddress_IsRefused_EvenWhenPrivateNetworksAreAllowed()
    {
        using var client = Client(allowPrivateNetworks: true, resolve: Resolver("metadata.example", "169.254.169.254"));

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://metadata.example:{Port}/ping", Ct));

        Assert.Equal(OutboundAddressKind.Metadata, OutboundCallRefusedException.FindIn(failure)?.Kind);
    }

    [Fact]
    public async Task PlainHttp_IsRefused_WhenHttpsIsRequired()
    {
        using var client = Client(allowPrivateNetworks: true, requireHttps: true);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://localhost:{Port}/ping", Ct));

        Assert.Contains("https", OutboundCallRefusedException.FindIn(failure)?.Message, StringComparison.Ordinal);
        Assert.Empty(_provider.Requests("/ping"));
    }

    [Fact]
    public async Task CodeExchange_ToALoopbackTokenEndpoint_IsTokenExchangeFailed_SayingWhy()
    {
        using var engine = new Engine(o => o.AllowPrivateNetworks = false);

        var result = await engine.Connector.ExchangeCodeAsync(Configs.For(_provider), Configs.Exchange(), Configs.Calls(), Ct);

        Assert.Equal(ConnectorErrorCodes.TokenExchangeFailed, result.Error?.Code);
        Assert.Contains("not called", result.Error?.Message, StringComparison.Ordinal);
        Assert.Contains("loopback", result.Error?.Message, StringComparison.Ordinal);
        Assert.Empty(_provider.Requests("/token"));
    }

    [Fact]
    public async Task UserInfo_FromALoopbackEndpoint_IsUserInfoFailed_SayingWhy()
    {
        using var engine = new Engine(o => o.AllowPrivateNetworks = false);

        var result = await engine.Connector.GetUserInfoAsync(Configs.For(_provider), TestTokens.Bearer("at"), Configs.Calls(), Ct);

        Assert.Equal(ConnectorErrorCodes.UserInfoFailed, result.Error?.Code);
        Assert.Contains("loopback", result.Error?.Message, StringComparison.Ordinal);
        Assert.Empty(_provider.Requests("/userinfo"));
    }

    public void Dispose() => _provider.Dispose();

    private static HttpClient Client(bool allowPrivateNetworks, bool requireHttps = false, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null) =>
        new(ConnectorHttpClient.CreatePrimaryHandler(
            new ConnectorOutboundOptions { AllowPrivateNetworks = allowPrivateNetworks, RequireHttps = requireHttps }, resolve));

    private static Func<string, CancellationToken, Task<IPAddress[]>> Resolver(string name, params string[] addresses) =>
        (host, _) => host == name
            ? Task.FromResult(addresses.Select(IPAddress.Parse).ToArray())
            : throw new InvalidOperationException($"Unexpected lookup of {host}.");
}
