using System.Net;
using Connector.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Connector.Host.Tests.Oidc;

/// <summary>N stateless instances on one database share the provider's keys, codes and refresh tokens (docs/architecture.md).</summary>
public sealed class TwoInstancesOidcTests : IAsyncLifetime
{
    private OidcWorld _world = null!;
    private HostFactory _second = null!;

    private static CancellationToken Ct => OidcWorld.Ct;

    public async ValueTask InitializeAsync()
    {
        _world = await OidcWorld.StartAsync();
        _second = new HostFactory(_world.Host.Database.ConnectionString, services: s => s.AddSingleton<TimeProvider>(_world.Host.Clock));
    }

    public async ValueTask DisposeAsync()
    {
        await _second.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task BothInstances_PublishTheSameKeys()
    {
        using var first = _world.Client();
        using var second = _second.CreateClient();

        var firstJwks = await first.GetStringAsync("/oidc/jwks", Ct);
        var secondJwks = await second.GetStringAsync("/oidc/jwks", Ct);

        Assert.Equal(firstJwks, secondJwks);
    }

    [Fact]
    public async Task CodeIssuedByOneInstance_IsRedeemedAtTheOther_AndItsRefreshTokenWorksBackAtTheFirst()
    {
        var app = await _world.CreateAppAsync();
        using var browser = _world.Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await OidcWorld.AuthorizeAsync(browser, app, pkce);
        using var secondClient = _second.CreateClient();

        using var redeemed = await _world.RedeemAsync(app, code, pkce, secondClient);
        var tokens = await redeemed.ReadJsonAsync();
        var validation = await _world.ValidateIdTokenAsync(tokens["id_token"]!.GetValue<string>(), app, secondClient);
        using var refreshed = await _world.RefreshAsync(app, tokens["refresh_token"]!.GetValue<string>());
        using var replayAtFirst = await _world.RedeemAsync(app, code, pkce);

        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        Assert.True(validation.IsValid, validation.Exception?.ToString());
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(replayAtFirst)).Error);
    }

    [Fact]
    public async Task SignInStartedOnOneInstance_ResumesTheAuthorizationOnTheOther()
    {
        var app = await _world.CreateAppAsync();
        using var first = _world.Host.NewBrowser();
        var pkce = Pkce.Create();
        await OidcWorld.AuthorizeAsync(first, app, pkce);
        using var second = _second.NewBrowser(first.Cookies);

        using var response = await second.GetAsync(OidcWorld.AuthorizePath(app, pkce));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(app.RedirectUri + "?code=", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        var idToken = (await (await _world.RedeemAsync(app, System.Web.HttpUtility.ParseQueryString(response.Headers.Location.Query)["code"]!, pkce)).ReadJsonAsync())["id_token"]!.GetValue<string>();
        Assert.Equal("Ada Lovelace", new JsonWebToken(idToken).GetClaim("name").Value);
    }
}
