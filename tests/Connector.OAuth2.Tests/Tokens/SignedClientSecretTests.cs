using Connector.OAuth2.Configuration;
using Connector.OAuth2.Tests.Support;
using Microsoft.IdentityModel.Tokens;

namespace Connector.OAuth2.Tests.Tokens;

/// <summary>Sign in with Apple's client secret: an ES256 JWT made from the .p8 key for each token request, read back from the wire.</summary>
public sealed class SignedClientSecretTests : IDisposable
{
    private const string TokenJson = """{"access_token":"at-1","token_type":"Bearer","expires_in":3600}""";
    private readonly FakeProvider _provider = new();
    private readonly Engine _engine = new();
    private readonly (string Pem, SecurityKey PublicKey) _key = SignedJwts.NewEcKey();

    [Fact]
    public async Task SignedClientSecret_IsSentAsClientSecretAndVerifiesWithThePublicKey()
    {
        _provider.OnTokenJson(TokenJson);

        var result = await _engine.Connector.ExchangeCodeAsync(Config(), Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.False(result.IsError, result.Error?.Message);
        var form = _provider.SingleRequest("/token").Form();
        Assert.Equal(Configs.ClientId, form["client_id"]);
        Assert.False(form.ContainsKey("client_assertion"));
        var jwt = SignedJwts.Verify(form["client_secret"], _key.PublicKey, "ES256");
        Assert.Equal("ES256", jwt.Alg);
        Assert.Equal("ABC123DEFG", jwt.Kid);
        Assert.Equal("TEAM456789", jwt.Issuer);
        Assert.Equal(Configs.ClientId, jwt.Subject);
        Assert.Equal(["https://appleid.apple.com"], jwt.Audiences);
        var now = _engine.Clock.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal(now, jwt.GetPayloadValue<long>("iat"));
        Assert.Equal(now + SignedClientSecretRules.DefaultLifetimeSeconds, jwt.GetPayloadValue<long>("exp"));
        // Apple's list of claims, and no more: iss, iat, exp, aud, sub.
        Assert.Equal(["aud", "exp", "iat", "iss", "sub"], jwt.Claims.Select(c => c.Type).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SignedClientSecret_IsMadeAfreshForEveryExchange()
    {
        _provider.OnTokenJson(TokenJson);
        var config = Config() with { SignedClientSecret = Config().SignedClientSecret! with { LifetimeSeconds = 600 } };

        await _engine.Connector.ExchangeCodeAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);
        _engine.Clock.Advance(TimeSpan.FromMinutes(15)); // past the first secret's exp: a reused secret would be refused
        await _engine.Connector.ExchangeCodeAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        var secrets = _provider.Requests("/token").Select(r => r.Form()["client_secret"]).ToList();
        Assert.NotEqual(secrets[0], secrets[1]);
        var second = SignedJwts.Verify(secrets[1], _key.PublicKey, "ES256");
        var now = _engine.Clock.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal(now, second.GetPayloadValue<long>("iat"));
        Assert.Equal(now + 600, second.GetPayloadValue<long>("exp"));
    }

    [Fact]
    public async Task SignedClientSecret_WithBasic_GoesInTheAuthorizationHeader()
    {
        _provider.OnTokenJson(TokenJson);
        var config = Config() with { TokenEndpointAuthMethod = TokenEndpointAuthMethods.ClientSecretBasic };

        await _engine.Connector.ExchangeCodeAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        var request = _provider.SingleRequest("/token");
        var header = request.Header("Authorization")!;
        Assert.StartsWith("Basic ", header, StringComparison.Ordinal);
        var pair = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':');
        Assert.Equal(Configs.ClientId, Uri.UnescapeDataString(pair[0]));
        SignedJwts.Verify(Uri.UnescapeDataString(pair[1]), _key.PublicKey, "ES256");
        Assert.False(request.Form().ContainsKey("client_secret"));
    }

    private OAuth2ConnectorConfig Config() => Configs.For(_provider) with
    {
        ClientSecret = "",
        SignedClientSecret = new SignedClientSecret
        {
            KeyId = "ABC123DEFG",
            Issuer = "TEAM456789",
            Audience = "https://appleid.apple.com",
            PrivateKey = _key.Pem,
        },
    };

    public void Dispose()
    {
        _engine.Dispose();
        _provider.Dispose();
    }
}
