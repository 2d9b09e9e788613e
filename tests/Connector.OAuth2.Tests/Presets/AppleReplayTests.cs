using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.OAuth2.Authorization;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Tests.Support;
using Microsoft.IdentityModel.Tokens;

namespace Connector.OAuth2.Tests.Presets;

/// <summary>
/// The apple preset against Apple's recorded answers (Fixtures/providers/apple.json): the exchange a form_post callback
/// starts — its posted <c>user</c>, a client secret signed ES256 for this request and re-verified from the wire with the
/// key's public half, and a profile made of the verified ID token alone (Apple has no userinfo endpoint).
/// </summary>
public sealed class AppleReplayTests : IDisposable
{
    private const string KeyId = "KEY1234567";
    private const string TeamId = "TEAM123456";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly FakeProvider _provider = new();
    private readonly Engine _engine = new();
    private readonly IdTokenIssuer _issuer;
    private readonly OidcNonce _nonce = OidcNonce.Create();
    private readonly (string Pem, SecurityKey PublicKey) _key = SignedJwts.NewEcKey();
    private readonly JsonNode _recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "providers", "apple.json")))!;

    public AppleReplayTests() => _issuer = new IdTokenIssuer(_provider);

    [Fact]
    public async Task FirstCallback_WithThePostedUser_MapsTheNameFromIt_AndTheRestFromTheIdToken()
    {
        var config = Config();
        Replay();
        var user = JsonDocument.Parse(_recorded["callbackPost"]!["fields"]!["user"]!.GetValue<string>()).RootElement;

        var result = await _engine.Connector.CompleteSignInAsync(config, Configs.Exchange() with { NonceDigest = _nonce.Digest, PostedUser = user }, Configs.Calls(), Ct);

        Assert.False(result.IsError, result.Error?.Message);
        var profile = result.Value.Profile;
        Assert.Equal("001234.0f1e2d3c4b5a69788796a5b4c3d2e1f0.1234", profile.Id);
        Assert.Equal("Avery Example", profile.Name);
        Assert.Equal("avery.example@privaterelay.appleid.com", profile.Email);
        Assert.True(profile.EmailVerified);
        Assert.Single(_provider.Requests(IdTokenIssuer.JwksPath));
        Assert.Equal(2, _provider.Requests().Count); // the token request and the keys: no userinfo call exists
    }

    [Fact]
    public async Task LaterCallback_WithoutAPostedUser_HasNoName_AndStillSignsIn()
    {
        var config = Config();
        Replay();

        var result = await _engine.Connector.CompleteSignInAsync(config, Configs.Exchange() with { NonceDigest = _nonce.Digest }, Configs.Calls(), Ct);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Null(result.Value.Profile.Name);
        Assert.Equal("avery.example@privaterelay.appleid.com", result.Value.Profile.Email);
    }

    [Fact]
    public async Task TokenRequest_CarriesAClientSecretSignedForThisRequest_ThatVerifiesWithThePublicKey()
    {
        var config = Config();
        Replay();

        await _engine.Connector.CompleteSignInAsync(config, Configs.Exchange() with { NonceDigest = _nonce.Digest }, Configs.Calls(), Ct);
        _engine.Clock.Advance(TimeSpan.FromMinutes(10));
        await _engine.Connector.CompleteSignInAsync(config, Configs.Exchange() with { NonceDigest = _nonce.Digest }, Configs.Calls(), Ct);

        var forms = _provider.Requests("/appleid.apple.com/auth/token").Select(request => request.Form()).ToList();
        Assert.Equal(2, forms.Count);
        var secrets = forms.Select(form => SignedJwts.Verify(form["client_secret"], _key.PublicKey, "ES256")).ToList();
        foreach (var (form, secret) in forms.Zip(secrets))
        {
            Assert.Equal(Configs.ClientId, form["client_id"]);
            Assert.Equal("ES256", secret.Alg);
            Assert.Equal(KeyId, secret.Kid);
            Assert.Equal(TeamId, secret.Issuer);
            Assert.Equal(Configs.ClientId, secret.Subject);
            Assert.Equal(["https://appleid.apple.com"], secret.Audiences);
            Assert.Equal(TimeSpan.FromSeconds(300), secret.ValidTo - secret.IssuedAt);
        }

        Assert.Equal(TimeSpan.FromMinutes(10), secrets[1].IssuedAt - secrets[0].IssuedAt);
        Assert.NotEqual(forms[0]["client_secret"], forms[1]["client_secret"]);
    }

    [Fact]
    public void Preset_PostsItsAnswer_AndVerifiesTheIdTokenWithoutUserInfo()
    {
        var config = PresetConfig();

        Assert.Equal(ResponseModes.FormPost, config.ResponseMode);
        Assert.Equal("", config.UserInfoEndpoint);
        Assert.Equal("https://appleid.apple.com", config.IdTokenVerificationConfig!.Issuer);
        Assert.Empty(new OAuth2ConnectorConfigValidator(allowInsecureEndpoints: false).Validate(config).Errors);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The preset pointed at the fake provider, under Apple's paths.</summary>
    private OAuth2ConnectorConfig Config()
    {
        var config = PresetConfig();
        return config with
        {
            AuthorizationEndpoint = $"{_provider.Url}/appleid.apple.com/auth/authorize",
            TokenEndpoint = $"{_provider.Url}/appleid.apple.com/auth/token",
            IdTokenVerificationConfig = config.IdTokenVerificationConfig! with { JwksUri = _provider.Url + IdTokenIssuer.JwksPath },
        };
    }

    /// <summary>The preset with the operator's Services ID, key and team, as a create through the host would store it.</summary>
    private OAuth2ConnectorConfig PresetConfig()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "presets", "apple.json")))!;
        var config = document["config"]!.Deserialize<OAuth2ConnectorConfig>(Json)!;
        return config with
        {
            ClientId = Configs.ClientId,
            SignedClientSecret = config.SignedClientSecret! with { KeyId = KeyId, Issuer = TeamId, PrivateKey = _key.Pem },
        };
    }

    /// <summary>Apple's token answer with the recorded ID-token payload signed by the fake provider for this sign-in's nonce.</summary>
    private void Replay()
    {
        var body = _recorded["tokenResponse"]!["body"]!.AsObject().DeepClone().AsObject();
        _provider.On("POST", "/appleid.apple.com/auth/token", WireMock.ResponseBuilders.Response.Create().WithCallback(_ =>
        {
            body["id_token"] = _issuer.IssueRecorded(_recorded["idTokenClaims"]!.AsObject(), Configs.ClientId, _nonce.Value, _engine.Clock.GetUtcNow());
            return WireRequests.Message(200, _recorded["tokenResponse"]!["contentType"]!.GetValue<string>(), body.ToJsonString());
        }));
    }

    public void Dispose()
    {
        _issuer.Dispose();
        _engine.Dispose();
        _provider.Dispose();
    }
}
