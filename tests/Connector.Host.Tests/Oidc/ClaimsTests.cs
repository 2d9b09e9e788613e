using System.Net;
using System.Net.Http.Headers;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.SignIn;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Connector.Host.Tests.Oidc;

/// <summary>Claims by granted scope, in the ID token itself (Auth.js reads it) and from /oidc/me (OIDC Core §5.4).</summary>
public sealed class ClaimsTests : OidcAppTests
{
    [Fact]
    public async Task OpenIdAlone_GivesTheSubjectOnly()
    {
        var tokens = await World.SignInAndRedeemAsync(App, "openid");

        var jwt = new JsonWebToken(tokens["id_token"]!.GetValue<string>());
        var userInfo = await UserInfoAsync(tokens);

        Assert.False(string.IsNullOrEmpty(jwt.Subject));
        foreach (var claim in new[] { "name", "picture", "email", "email_verified", "phone_number" })
        {
            Assert.False(jwt.TryGetClaim(claim, out _), $"ID token has {claim}");
            Assert.Null(userInfo[claim]);
        }

        Assert.Equal(jwt.Subject, userInfo["sub"]!.GetValue<string>());
    }

    [Fact]
    public async Task EmailScope_GivesEmailAndEmailVerified_ButNoProfile()
    {
        var tokens = await World.SignInAndRedeemAsync(App, "openid email");

        var jwt = new JsonWebToken(tokens["id_token"]!.GetValue<string>());

        Assert.Equal("ada@example.com", jwt.GetClaim("email").Value);
        Assert.True(jwt.TryGetPayloadValue<bool>("email_verified", out _), "email_verified is a JSON boolean");
        Assert.False(jwt.TryGetClaim("name", out _));
        Assert.False(jwt.TryGetClaim("picture", out _));
    }

    [Fact]
    public async Task ProfileScope_GivesNameAndPicture_ButNoEmail()
    {
        var tokens = await World.SignInAndRedeemAsync(App, "openid profile");

        var jwt = new JsonWebToken(tokens["id_token"]!.GetValue<string>());

        Assert.Equal("Ada Lovelace", jwt.GetClaim("name").Value);
        Assert.Equal("https://cdn.example/ada.png", jwt.GetClaim("picture").Value);
        Assert.False(jwt.TryGetClaim("email", out _));
    }

    [Fact]
    public async Task UserInfo_AnswersTheSameClaimsAsTheIdToken()
    {
        var tokens = await World.SignInAndRedeemAsync(App, "openid profile email");
        var jwt = new JsonWebToken(tokens["id_token"]!.GetValue<string>());

        var userInfo = await UserInfoAsync(tokens);

        Assert.Equal(jwt.Subject, userInfo["sub"]!.GetValue<string>());
        Assert.Equal(jwt.GetClaim("name").Value, userInfo["name"]!.GetValue<string>());
        Assert.Equal(jwt.GetClaim("picture").Value, userInfo["picture"]!.GetValue<string>());
        Assert.Equal(jwt.GetClaim("email").Value, userInfo["email"]!.GetValue<string>());
        Assert.Equal(System.Text.Json.JsonValueKind.False, userInfo["email_verified"]!.GetValueKind());
    }

    [Fact]
    public async Task IdentitiesScope_ListsTheConnectorAndSubjectAtUserInfo_ButNotInTheIdToken()
    {
        var without = await UserInfoAsync(await World.SignInAndRedeemAsync(App, "openid profile"));
        var tokens = await World.SignInAndRedeemAsync(App, "openid identities");

        var identities = (await UserInfoAsync(tokens))["identities"]!.AsArray();
        var identity = Assert.Single(identities)!;
        Assert.Equal(SignInHost.ConnectorId, identity["connectorId"]!.GetValue<string>());
        Assert.Equal("upstream-7", identity["subject"]!.GetValue<string>());
        Assert.Equal(["connectorId", "subject"], identity.AsObject().Select(member => member.Key));
        Assert.False(new JsonWebToken(tokens["id_token"]!.GetValue<string>()).TryGetClaim("identities", out _));
        Assert.Null(without["identities"]);
    }

    [Fact]
    public async Task UserInfo_WithoutAValidAccessToken_IsUnauthorized()
    {
        using var client = World.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await client.GetAsync("/oidc/me", OidcWorld.Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> UserInfoAsync(System.Text.Json.Nodes.JsonNode tokens)
    {
        using var client = World.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["access_token"]!.GetValue<string>());
        using var response = await client.GetAsync("/oidc/me", OidcWorld.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
