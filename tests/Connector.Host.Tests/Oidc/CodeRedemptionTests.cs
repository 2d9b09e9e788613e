using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Oidc;

/// <summary>Codes are single use, short-lived and bound to the PKCE verifier (RFC 6749 §4.1.2, §10.5; RFC 7636 §4.6).</summary>
public sealed class CodeRedemptionTests : OidcAppTests
{
    [Fact]
    public async Task ReplayedCode_IsInvalidGrant_AndRevokesTheTokensTheFirstRedemptionIssued()
    {
        using var browser = World.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, App, pkce);
        using var first = await World.RedeemAsync(App, code, pkce);
        var refreshToken = (await first.ReadJsonAsync())["refresh_token"]!.GetValue<string>();

        using var replay = await World.RedeemAsync(App, code, pkce);
        using var refresh = await World.RefreshAsync(App, refreshToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(replay)).Error);
        // RFC 6749 §4.1.2: on a replayed code the server SHOULD revoke the tokens issued from it.
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(refresh)).Error);
    }

    [Fact]
    public async Task TwoSimultaneousRedemptionsOfOneCode_OnlyOneSucceeds()
    {
        using var browser = World.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, App, pkce);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => World.RedeemAsync(App, code, pkce)));

        Assert.Equal(1, answers.Count(answer => answer.StatusCode == HttpStatusCode.OK));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task ExpiredCode_IsInvalidGrant()
    {
        using var browser = World.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, App, pkce);

        // OpenIddict reads TimeProvider from the container, so the fake clock governs code expiry.
        World.Host.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        using var response = await World.RedeemAsync(App, code, pkce);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }

    [Fact]
    public async Task CodeJustBeforeItsExpiry_IsStillRedeemed()
    {
        using var browser = World.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, App, pkce);

        World.Host.Clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(5));
        using var response = await World.RedeemAsync(App, code, pkce);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PkceVerifierMismatch_IsInvalidGrant()
    {
        using var browser = World.Host.NewBrowser();
        var code = await OidcWorld.AuthorizeAsync(browser, App, Pkce.Create());

        using var response = await World.RedeemAsync(App, code, Pkce.Create());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }

    [Fact]
    public async Task MissingPkceVerifier_IsInvalidRequest()
    {
        using var browser = World.Host.NewBrowser();
        var code = await OidcWorld.AuthorizeAsync(browser, App, Pkce.Create());

        using var response = await World.TokenAsync(App, OidcWorld.CodeGrant(App, code));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }

    [Fact]
    public async Task CodeIssuedToOneApp_IsRefusedToAnother()
    {
        var other = await World.CreateAppAsync();
        using var browser = World.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, App, pkce);

        using var response = await World.RedeemAsync(other, code, pkce);

        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }
}
