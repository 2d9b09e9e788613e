using Connector.OAuth2.Results;

namespace Connector.OAuth2.Tests.IdTokens;

/// <summary>The provider's keys are cached, and a rotation at the provider is picked up without a restart.</summary>
public sealed class JwksRotationTests : IDisposable
{
    private readonly OidcSignIn _oidc = new();

    [Fact]
    public async Task SecondSignIn_UsesTheCachedKeys()
    {
        _oidc.Answers(_oidc.ValidToken());
        await _oidc.CompleteAsync();

        var again = await _oidc.CompleteAsync();

        Assert.False(again.IsError, again.Error?.Message);
        Assert.Equal(1, _oidc.JwksFetches);
    }

    [Fact]
    public async Task KeyRotation_IsPickedUpByRefetchingOnTheUnknownKid()
    {
        _oidc.Answers(_oidc.ValidToken());
        Assert.False((await _oidc.CompleteAsync()).IsError);

        _oidc.Issuer.Rotate();
        _oidc.Engine.Clock.Advance(TimeSpan.FromSeconds(31));
        _oidc.Answers(_oidc.ValidToken());
        var rotated = await _oidc.CompleteAsync();

        Assert.False(rotated.IsError, rotated.Error?.Message);
        Assert.Equal(2, _oidc.JwksFetches);
    }

    [Fact]
    public async Task UnknownKids_RefetchAtMostOncePerInterval()
    {
        _oidc.Answers(_oidc.ValidToken());
        await _oidc.CompleteAsync();

        // A new kid seconds after a fetch: a made-up one, as far as the cache can tell; the provider is not asked again.
        _oidc.Issuer.Rotate();
        _oidc.Engine.Clock.Advance(TimeSpan.FromSeconds(5));
        _oidc.Answers(_oidc.ValidToken());
        var first = await _oidc.CompleteAsync();
        var second = await _oidc.CompleteAsync();

        Assert.Equal(ConnectorErrorCodes.InvalidIdToken, first.Error?.Code);
        Assert.Equal(ConnectorErrorCodes.InvalidIdToken, second.Error?.Code);
        Assert.Equal(1, _oidc.JwksFetches);
    }

    [Fact]
    public async Task CachedKeys_AreFetchedAgainOnceStale()
    {
        _oidc.Answers(_oidc.ValidToken());
        await _oidc.CompleteAsync();

        _oidc.Engine.Clock.Advance(TimeSpan.FromHours(2));
        _oidc.Answers(_oidc.ValidToken());
        var later = await _oidc.CompleteAsync();

        Assert.False(later.IsError, later.Error?.Message);
        Assert.Equal(2, _oidc.JwksFetches);
    }

    [Fact]
    public async Task JwksOutage_KeepsTheKnownKeysWorking()
    {
        _oidc.Answers(_oidc.ValidToken());
        await _oidc.CompleteAsync();

        _oidc.Provider.On("GET", Connector.Testing.Providers.IdTokenIssuer.JwksPath, FakeProvider.Status(503));
        _oidc.Engine.Clock.Advance(TimeSpan.FromHours(2));
        _oidc.Answers(_oidc.ValidToken());
        var during = await _oidc.CompleteAsync();

        Assert.False(during.IsError, during.Error?.Message);
    }

    [Fact]
    public async Task JwksOutage_BeforeAnyKeyIsKnown_IsInvalidIdToken()
    {
        _oidc.Provider.On("GET", Connector.Testing.Providers.IdTokenIssuer.JwksPath, FakeProvider.Status(503));
        _oidc.Answers(_oidc.ValidToken());

        var result = await _oidc.CompleteAsync();

        Assert.Equal(ConnectorErrorCodes.InvalidIdToken, result.Error?.Code);
        Assert.Equal(503, result.Error!.ProviderStatus);
    }

    public void Dispose() => _oidc.Dispose();
}
