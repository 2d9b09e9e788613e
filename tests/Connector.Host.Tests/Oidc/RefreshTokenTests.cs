using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Oidc;

/// <summary>Refresh tokens rotate on each use; a used one presented again revokes the whole chain (RFC 9700 §4.14.2).</summary>
public sealed class RefreshTokenTests : OidcAppTests
{
    [Fact]
    public async Task Refresh_IssuesANewRefreshToken_AndAnIdTokenWithTheSameUser()
    {
        var tokens = await World.SignInAndRedeemAsync(App);
        var first = tokens["refresh_token"]!.GetValue<string>();

        using var response = await World.RefreshAsync(App, first);
        var refreshed = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(first, refreshed["refresh_token"]!.GetValue<string>());
        var before = await World.ValidateIdTokenAsync(tokens["id_token"]!.GetValue<string>(), App);
        var after = await World.ValidateIdTokenAsync(refreshed["id_token"]!.GetValue<string>(), App);
        Assert.True(after.IsValid, after.Exception?.ToString());
        Assert.Equal(before.ClaimsIdentity.FindFirst("sub")!.Value, after.ClaimsIdentity.FindFirst("sub")!.Value);
        Assert.Equal("Ada Lovelace", after.ClaimsIdentity.FindFirst("name")!.Value);
    }

    [Fact]
    public async Task ReusedRefreshToken_IsInvalidGrant_AndRevokesTheTokenThatReplacedIt()
    {
        var tokens = await World.SignInAndRedeemAsync(App);
        var first = tokens["refresh_token"]!.GetValue<string>();
        using var rotation = await World.RefreshAsync(App, first);
        var second = (await rotation.ReadJsonAsync())["refresh_token"]!.GetValue<string>();

        using var reuse = await World.RefreshAsync(App, first);
        using var afterReuse = await World.RefreshAsync(App, second);

        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(reuse)).Error);
        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(afterReuse)).Error);
    }

    [Fact]
    public async Task RefreshToken_OfAnotherApp_IsInvalidGrant()
    {
        var other = await World.CreateAppAsync();
        var tokens = await World.SignInAndRedeemAsync(App);

        using var response = await World.RefreshAsync(other, tokens["refresh_token"]!.GetValue<string>());

        Assert.Equal("invalid_grant", (await OidcWorld.OAuthErrorAsync(response)).Error);
    }
}
