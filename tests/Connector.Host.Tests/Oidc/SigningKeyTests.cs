using System.Net;
using System.Security.Cryptography;
using System.Text;
using Connector.Host.Tests.Infrastructure;
using Dapper;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Connector.Host.Tests.Oidc;

/// <summary>ES384 by default, RS256 per app, keys in PostgreSQL and in JWKS, and the rotation path.</summary>
public sealed class SigningKeyTests : IAsyncLifetime
{
    private OidcWorld _world = null!;

    private static CancellationToken Ct => OidcWorld.Ct;

    public async ValueTask InitializeAsync() => _world = await OidcWorld.StartAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Jwks_PublishesTheP384KeyThatSignedTheIdToken()
    {
        var app = await _world.CreateAppAsync();
        var tokens = await _world.SignInAndRedeemAsync(app);
        var jwt = new JsonWebToken(tokens["id_token"]!.GetValue<string>());
        using var client = _world.Client();

        var jwks = await (await client.GetAsync("/oidc/jwks", Ct)).ReadJsonAsync();

        var key = Assert.Single(jwks["keys"]!.AsArray(), k => k!["kid"]!.GetValue<string>() == jwt.Kid)!;
        Assert.Equal("EC", key["kty"]!.GetValue<string>());
        Assert.Equal("P-384", key["crv"]!.GetValue<string>());
        Assert.Equal("ES384", key["alg"]!.GetValue<string>());
        Assert.Null(key["d"]); // never the private part
        Assert.True((await _world.ValidateIdTokenAsync(jwt.EncodedToken, app)).IsValid);
    }

    [Fact]
    public async Task AppRegisteredForRs256_GetsRs256IdTokens_WithSha256TokenHashes()
    {
        var app = await _world.CreateAppAsync("\"idTokenSignedResponseAlg\": \"RS256\"");

        var tokens = await _world.SignInAndRedeemAsync(app);

        var jwt = new JsonWebToken(tokens["id_token"]!.GetValue<string>());
        Assert.Equal("RS256", jwt.Alg);
        Assert.True((await _world.ValidateIdTokenAsync(jwt.EncodedToken, app)).IsValid);
        var digest = SHA256.HashData(Encoding.ASCII.GetBytes(tokens["access_token"]!.GetValue<string>()));
        Assert.Equal(Base64UrlEncoder.Encode(digest, 0, 16), jwt.GetClaim("at_hash").Value); // OIDC Core §3.1.3.6
    }

    [Fact]
    public async Task PrivateKeys_AreStoredProtected_NeverAsPem()
    {
        await using var connection = await _world.Host.Database.OpenAsync();
        var rows = (await connection.QueryAsync<(string Algorithm, string Key)>("SELECT algorithm, private_key_protected FROM oidc_keys")).ToList();

        Assert.Equal(["A256KW", "ES384", "RS256"], rows.Select(row => row.Algorithm).Order());
        Assert.All(rows, row => Assert.DoesNotContain("PRIVATE KEY", row.Key, StringComparison.Ordinal));
        Assert.All(rows, row => Assert.StartsWith("CfDJ8", row.Key, StringComparison.Ordinal)); // Data Protection's payload header
    }

    [Fact]
    public async Task RotatedKey_IsPublishedAtOnce_SignsAfterItsActivation_AndTheOldStaysPublishedUntilRetired()
    {
        var app = await _world.CreateAppAsync();
        var oldKid = new JsonWebToken((await _world.SignInAndRedeemAsync(app))["id_token"]!.GetValue<string>()).Kid;

        using var created = await _world.Host.Admin.PostAsync("/api/oidc/keys", HttpJson.Body("""{ "algorithm": "ES384" }"""), Ct);
        var newKid = (await created.ReadJsonAsync())["kid"]!.GetValue<string>();
        var publishedEarly = await KidsAsync();
        var signerBefore = new JsonWebToken((await _world.SignInAndRedeemAsync(app))["id_token"]!.GetValue<string>()).Kid;

        _world.Host.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await RefreshKeysAsync();
        var signerAfter = new JsonWebToken((await _world.SignInAndRedeemAsync(app))["id_token"]!.GetValue<string>()).Kid;
        using var retired = await _world.Host.Admin.DeleteAsync($"/api/oidc/keys/{oldKid}", Ct);
        var publishedLate = await KidsAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains(newKid, publishedEarly);
        Assert.Contains(oldKid, publishedEarly);
        Assert.Equal(oldKid, signerBefore);
        Assert.Equal(newKid, signerAfter);
        Assert.Equal(HttpStatusCode.NoContent, retired.StatusCode);
        Assert.DoesNotContain(oldKid, publishedLate);
        Assert.Contains(newKid, publishedLate);
    }

    [Fact]
    public async Task RetiringTheCurrentKey_IsAConflict()
    {
        var app = await _world.CreateAppAsync();
        var kid = new JsonWebToken((await _world.SignInAndRedeemAsync(app))["id_token"]!.GetValue<string>()).Kid;

        using var response = await _world.Host.Admin.DeleteAsync($"/api/oidc/keys/{kid}", Ct);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    private async Task<IReadOnlyList<string>> KidsAsync()
    {
        using var client = _world.Client();
        var jwks = await (await client.GetAsync("/oidc/jwks", Ct)).ReadJsonAsync();
        return [.. jwks["keys"]!.AsArray().Select(key => key!["kid"]!.GetValue<string>())];
    }

    /// <summary>What the host's refresher does every minute, run now rather than waited for.</summary>
    private Task<bool> RefreshKeysAsync() =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Connector.Host.Oidc.Keys.OidcKeyRing>(_world.Factory.Services).RefreshAsync(Ct);
}
