using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Oidc;

/// <summary>Codes are single use, short-lived and bound to the PKCE verifier (RFC 6749 §4.1.2, §10.5; RFC 7636 §4.6).</summary>
public sealed class CodeRedemptionTests : IAsyncLifetime
{
    private OidcWorld _world = null!;
    private OidcApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _world = await OidcWorld.StartAsync();
        _app = await _world.CreateAppAsync();
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task ReplayedCode_IsInvalidGrant_AndRevokesTheTokensTheFirstRedemptionIssued()
    {
        using var browser = _world.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, _app, pkce);
        using var first = await _world.RedeemAsync(_app, code, pkce);
        var refreshToken = (await first.ReadJsonAsync())["refresh_token"]!.GetValue<string>();

        using var replay = await _world.RedeemAsync(_app, code, pkce);
        using var refresh = await _world.RefreshAsync(_app, refreshToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(replay)).Error);
        // RFC 6749 §4.1.2: on a replayed code the server SHOULD revoke the tokens issued from it.
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(refresh)).Error);
    }

    [Fact]
    public async Task TwoSimultaneousRedemptionsOfOneCode_OnlyOneSucceeds()
    {
        using var browser = _world.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, _app, pkce);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _world.RedeemAsync(_app, code, pkce)));

        Assert.Equal(1, answers.Count(answer => answer.StatusCode == HttpStatusCode.OK));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task ExpiredCode_IsInvalidGrant()
    {
        using var browser = _world.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, _app, pkce);

        // OpenIddict reads TimeProvider from the container, so the fake clock governs code expiry.
        _world.Host.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        using var response = await _world.RedeemAsync(_app, code, pkce);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }

    [Fact]
    public async Task CodeJustBeforeItsExpiry_IsStillRedeemed()
    {
        using var browser = _world.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, _app, pkce);

        _world.Host.Clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(5));
        using var response = await _world.RedeemAsync(_app, code, pkce);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PkceVerifierMismatch_IsInvalidGrant()
    {
        using var browser = _world.Host.NewBrowser();
        var code = await OidcWorld.AuthorizeAsync(browser, _app, Pkce.Create());

        using var response = await _world.RedeemAsync(_app, code, Pkce.Create());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }

    [Fact]
    public async Task MissingPkceVerifier_IsInvalidRequest()
    {
        using var browser = _world.Host.NewBrowser();
        var code = await OidcWorld.AuthorizeAsync(browser, _app, Pkce.Create());

        using var response = await _world.TokenAsync(_app, OidcWorld.CodeGrant(_app, code));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }

    [Fact]
    public async Task CodeIssuedToOneApp_IsRefusedToAnother()
    {
        var other = await _world.CreateAppAsync();
        using var browser = _world.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, _app, pkce);

        using var response = await _world.RedeemAsync(other, code, pkce);

        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }
}
