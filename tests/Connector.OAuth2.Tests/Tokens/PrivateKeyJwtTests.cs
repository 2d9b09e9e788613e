using Connector.OAuth2.Configuration;
using Connector.OAuth2.Tests.Support;
using Connector.OAuth2.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace Connector.OAuth2.Tests.Tokens;

/// <summary>RFC 7523 §2.2 / OpenID Connect Core 1.0 §9 <c>private_key_jwt</c>, checked as the provider would: from the wire, with the public key.</summary>
public sealed class PrivateKeyJwtTests : IDisposable
{
    private const string TokenJson = """{"access_token":"at-1","token_type":"Bearer","expires_in":3600}""";
    private readonly FakeProvider _provider = new();
    private readonly Engine _engine = new();

    public static TheoryData<string> Algorithms => [ClientAssertionAlgorithms.RS256, ClientAssertionAlgorithms.ES256];

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task PrivateKeyJwt_SendsAnAssertionThatVerifiesWithThePublicKey(string algorithm)
    {
        var (pem, publicKey) = NewKey(algorithm);
        _provider.OnTokenJson(TokenJson);
        var config = Config(pem, algorithm);

        var result = await _engine.Connector.ExchangeCodeAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.False(result.IsError, result.Error?.Message);
        var request = _provider.SingleRequest("/token");
        var form = request.Form();
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
        Assert.False(form.ContainsKey("client_secret"));
        Assert.False(request.HasHeader("Authorization"));
        Assert.DoesNotContain(Configs.ClientSecret, request.RequestMessage!.Body, StringComparison.Ordinal);

        var jwt = SignedJwts.Verify(form["client_assertion"], publicKey, algorithm);
        Assert.Equal(algorithm, jwt.Alg);
        Assert.Equal("key-2026-11", jwt.Kid);
        Assert.Equal("JWT", jwt.Typ);
        Assert.Equal(Configs.ClientId, jwt.Issuer);
        Assert.Equal(Configs.ClientId, jwt.Subject);
        Assert.Equal([_provider.TokenEndpoint], jwt.Audiences);
        Assert.False(string.IsNullOrEmpty(jwt.Id));
        var iat = jwt.GetPayloadValue<long>("iat");
        var exp = jwt.GetPayloadValue<long>("exp");
        Assert.Equal(_engine.Clock.GetUtcNow().ToUnixTimeSeconds(), iat);
        Assert.InRange(exp - iat, 1, 300);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task PrivateKeyJwt_MakesAFreshAssertionWithANewJtiForEveryExchange(string algorithm)
    {
        var (pem, publicKey) = NewKey(algorithm);
        _provider.OnTokenJson(TokenJson);
        var config = Config(pem, algorithm);

        await _engine.Connector.ExchangeCodeAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);
        _engine.Clock.Advance(TimeSpan.FromMinutes(10));
        await _engine.Connector.ExchangeCodeAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        var tokens = _provider.Requests("/token").Select(r => SignedJwts.Verify(r.Form()["client_assertion"], publicKey, algorithm)).ToList();
        Assert.Equal(2, tokens.Select(t => t.Id).Distinct().Count());
        Assert.Equal(600, tokens[1].GetPayloadValue<long>("iat") - tokens[0].GetPayloadValue<long>("iat"));
    }

    [Fact]
    public void PublicJwk_OfAnEcKey_VerifiesWhatTheKeySigns()
    {
        var (pem, _) = SignedJwts.NewEcKey();
        var key = new ClientAssertionKey { PrivateKey = pem, KeyId = "ec-1", Algorithm = ClientAssertionAlgorithms.ES256 };

        var jwk = PublicJwk.From(key)!;

        Assert.Equal(("EC", "ec-1", "ES256", "sig", "P-256"), (jwk.Kty, jwk.Kid, jwk.Alg, jwk.Use, jwk.Crv));
        var json = System.Text.Json.JsonSerializer.Serialize(jwk);
        Assert.DoesNotContain("\"d\"", json, StringComparison.Ordinal); // the private scalar stays private
        Assert.Equal(43, jwk.X!.Length); // 32 bytes, base64url without padding (RFC 7518 §6.2.1.2)
        var assertion = PrivateKeyJwt.Create(Configs.ClientId, key, "https://idp.example/token", _engine.Clock);
        SignedJwts.Verify(assertion, json, "ES256");
    }

    [Fact]
    public void PublicJwk_OfAnRsaKey_VerifiesWhatTheKeySigns()
    {
        var (pem, _) = SignedJwts.NewRsaKey(3072);
        var key = new ClientAssertionKey { PrivateKey = pem, KeyId = "rsa-1", Algorithm = ClientAssertionAlgorithms.RS256 };

        var jwk = PublicJwk.From(key)!;

        Assert.Equal(("RSA", "rsa-1", "RS256", "sig", "AQAB"), (jwk.Kty, jwk.Kid, jwk.Alg, jwk.Use, jwk.E));
        var json = System.Text.Json.JsonSerializer.Serialize(jwk);
        Assert.DoesNotContain("\"d\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"crv\"", json, StringComparison.Ordinal);
        var assertion = PrivateKeyJwt.Create(Configs.ClientId, key, "https://idp.example/token", _engine.Clock);
        SignedJwts.Verify(assertion, json, "RS256");
    }

    private OAuth2ConnectorConfig Config(string pem, string algorithm) => Configs.For(_provider) with
    {
        ClientSecret = "",
        TokenEndpointAuthMethod = TokenEndpointAuthMethods.PrivateKeyJwt,
        ClientAssertionKey = new ClientAssertionKey { PrivateKey = pem, KeyId = "key-2026-11", Algorithm = algorithm },
    };

    private static (string Pem, SecurityKey PublicKey) NewKey(string algorithm) =>
        algorithm == ClientAssertionAlgorithms.ES256 ? SignedJwts.NewEcKey() : SignedJwts.NewRsaKey();

    public void Dispose()
    {
        _engine.Dispose();
        _provider.Dispose();
    }
}
