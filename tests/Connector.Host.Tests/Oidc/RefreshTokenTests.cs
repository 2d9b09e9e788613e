using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Oidc;

/// <summary>Refresh tokens rotate on each use; a used one presented again revokes the whole chain (RFC 9700 §4.14.2).</summary>
public sealed class RefreshTokenTests : IAsyncLifetime
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
    public async Task Refresh_IssuesANewRefreshToken_AndAnIdTokenWithTheSameUser()
    {
        var tokens = await _world.SignInAndRedeemAsync(_app);
        var first = tokens["refresh_token"]!.GetValue<string>();

        using var response = await _world.RefreshAsync(_app, first);
        var refreshed = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(first, refreshed["refresh_token"]!.GetValue<string>());
        var before = await _world.ValidateIdTokenAsync(tokens["id_token"]!.GetValue<string>(), _app);
        var after = await _world.ValidateIdTokenAsync(refreshed["id_token"]!.GetValue<string>(), _app);
        Assert.True(after.IsValid, after.Exception?.ToString());
        Assert.Equal(before.ClaimsIdentity.FindFirst("sub")!.Value, after.ClaimsIdentity.FindFirst("sub")!.Value);
        Assert.Equal("Ada Lovelace", after.ClaimsIdentity.FindFirst("name")!.Value);
    }

    [Fact]
    public async Task ReusedRefreshToken_IsInvalidGrant_AndRevokesTheTokenThatReplacedIt()
    {
        var tokens = await _world.SignInAndRedeemAsync(_app);
        var first = tokens["refresh_token"]!.GetValue<string>();
        using var rotation = await _world.RefreshAsync(_app, first);
        var second = (await rotation.ReadJsonAsync())["refresh_token"]!.GetValue<string>();

        using var reuse = await _world.RefreshAsync(_app, first);
        using var afterReuse = await _world.RefreshAsync(_app, second);

        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(reuse)).Error);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(afterReuse)).Error);
    }

    [Fact]
    public async Task RefreshToken_OfAnotherApp_IsInvalidGrant()
    {
        var other = await _world.CreateAppAsync();
        var tokens = await _world.SignInAndRedeemAsync(_app);

        using var response = await _world.RefreshAsync(other, tokens["refresh_token"]!.GetValue<string>());

        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }
}
