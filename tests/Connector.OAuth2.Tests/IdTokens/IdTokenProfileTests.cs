using Connector.OAuth2.Authorization;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tests.Support;

namespace Connector.OAuth2.Tests.IdTokens;

public sealed class IdTokenProfileTests : IDisposable
{
    private readonly OidcSignIn _oidc = new();

    [Fact]
    public async Task ValidIdToken_WithoutUserInfo_IsTheProfileSource()
    {
        _oidc.Answers(_oidc.ValidToken());

        var result = await _oidc.CompleteAsync();

        Assert.False(result.IsError, result.Error?.Message);
        var profile = result.Value.Profile;
        Assert.Equal("oidc-user-1", profile.Id);
        Assert.Equal("Olive Idtoken", profile.Name);
        Assert.Equal("olive@example.com", profile.Email);
        Assert.Equal(true, profile.EmailVerified);
        Assert.Equal(_oidc.Issuer.Issuer, profile.Raw.GetProperty("iss").GetString());
        Assert.Equal(1, _oidc.JwksFetches);
        Assert.Empty(_oidc.Provider.Requests(FakeProvider.UserInfoPath));
    }

    [Fact]
    public async Task RawProfile_LeavesOutTheNonce()
    {
        _oidc.Answers(_oidc.ValidToken());

        var result = await _oidc.CompleteAsync();

        Assert.False(result.Value!.Profile.Raw.TryGetProperty("nonce", out _));
    }

    [Fact]
    public async Task UserInfo_WhenConfigured_IsMergedOnTopOfTheClaims()
    {
        _oidc.Config = _oidc.Config with { UserInfoEndpoint = _oidc.Provider.UserInfoEndpoint };
        _oidc.Answers(_oidc.ValidToken());
        _oidc.Provider.OnUserInfoJson("""{"sub":"oidc-user-1","name":"Olive Fresh","picture":"https://cdn.example.com/o.png"}""");

        var result = await _oidc.CompleteAsync();

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal("Olive Fresh", result.Value.Profile.Name);
        Assert.Equal("olive@example.com", result.Value.Profile.Email);
        Assert.Equal("Bearer at-oidc", _oidc.Provider.SingleRequest(FakeProvider.UserInfoPath).Header("Authorization"));
    }

    [Fact]
    public async Task UserInfo_ForAnotherSubject_IsRefused()
    {
        // OpenID Connect Core 1.0 §5.3.2: the userinfo sub must be the ID token's.
        _oidc.Config = _oidc.Config with { UserInfoEndpoint = _oidc.Provider.UserInfoEndpoint };
        _oidc.Answers(_oidc.ValidToken());
        _oidc.Provider.OnUserInfoJson("""{"sub":"someone-else","name":"Mallory"}""");

        var result = await _oidc.CompleteAsync();

        Assert.Equal(ConnectorErrorCodes.InvalidUserInfoResponse, result.Error?.Code);
    }

    [Fact]
    public async Task ProfileMap_AppliesToTheClaims()
    {
        _oidc.Config = _oidc.Config with { ProfileMap = new() { Id = "oid", Name = "preferred_username" } };
        _oidc.Answers(_oidc.ValidToken(new Dictionary<string, object> { ["oid"] = "object-7", ["preferred_username"] = "olive@contoso" }));

        var result = await _oidc.CompleteAsync();

        Assert.Equal("object-7", result.Value!.Profile.Id);
        Assert.Equal("olive@contoso", result.Value.Profile.Name);
    }

    [Fact]
    public void AuthorizationUrl_CarriesTheNonceAndTheOpenIdScope()
    {
        var config = _oidc.Config with { Scope = "profile email" };

        var url = AuthorizationUrlBuilder.Build(config, new AuthorizationRequest(Configs.RedirectUri, "st", "challenge", Nonce: _oidc.Nonce.Value));

        Assert.Contains("nonce=" + Uri.EscapeDataString(_oidc.Nonce.Value), url.Query, StringComparison.Ordinal);
        Assert.Contains("scope=openid%20profile%20email", url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthorizationUrl_WithoutANonce_IsABug()
    {
        Assert.Throws<ArgumentException>(() =>
            AuthorizationUrlBuilder.Build(_oidc.Config, new AuthorizationRequest(Configs.RedirectUri, "st", "challenge")));
    }

    [Fact]
    public async Task DryRunTrace_ShowsTheClaimsAsTheProfileSource()
    {
        _oidc.Answers(_oidc.ValidToken());

        var trace = await _oidc.Engine.Connector.TraceSignInAsync(_oidc.Config, _oidc.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.Null(trace.Error);
        Assert.True(trace.Tokens!.HasIdToken);
        Assert.Equal("oidc-user-1", trace.UserInfo!.Value.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task DryRunTrace_NamesTheIdTokenStepWhenItFails()
    {
        _oidc.Answers(_oidc.Issuer.Issue(Configs.ClientId, "another-nonce", _oidc.Now));

        var trace = await _oidc.Engine.Connector.TraceSignInAsync(_oidc.Config, _oidc.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.Equal(Connector.OAuth2.Pipeline.SignInStep.IdToken, trace.FailedStep);
        Assert.Equal(ConnectorErrorCodes.InvalidIdToken, trace.Error?.Code);
    }

    public void Dispose() => _oidc.Dispose();
}
