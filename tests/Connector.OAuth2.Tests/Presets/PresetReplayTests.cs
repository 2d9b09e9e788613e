using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.OAuth2.Authorization;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Tests.Support;

namespace Connector.OAuth2.Tests.Presets;

/// <summary>
/// Each preset (presets/*.json) against its provider's recorded wire format (Fixtures/providers/*.json):
/// the recorded token and userinfo answers are replayed by a fake provider and the mapped profile is
/// checked field by field. A preset that verifies ID tokens (Google, Microsoft, GitLab, Okta, Auth0, Keycloak, Entra ID) gets the recorded ID token
/// payload signed by the fake provider's key, with this sign-in's nonce, and its JWKS served.
/// </summary>
public sealed class PresetReplayTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly FakeProvider _provider = new();
    private readonly Engine _engine = new();
    private readonly OidcNonce _nonce = OidcNonce.Create();
    private IdTokenIssuer? _issuer;

    public static TheoryData<string, string, string?, string?, string?, string?, bool?> Expected => new()
    {
        { "discord", "1180000000000000001", "Avery Example", "https://cdn.discordapp.com/avatars/1180000000000000001/a1b2c3d4e5f60718293a4b5c6d7e8f90.png", "avery.example@example.com", null, true },
        { "dropbox", "dbid:AAFAKEaccountId000000000000000000000", "Avery Example", "https://dl-web.dropbox.com/account_photo/get/dbaphid%3AFAKE000000000?size=128x128&vers=1700000000000", "avery.example@example.com", null, true },
        { "facebook", "10000000000000001", "Avery Example", "https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=10000000000000001&height=50&width=50&ext=1700000000&hash=FakeHash", "avery.example@example.com", null, null },
        { "github", "58001234", "Octo Example", "https://avatars.githubusercontent.com/u/58001234?v=4", "octo@example.com", null, true },
        { "gitlab", "4242424", "Avery Example", "https://secure.gravatar.com/avatar/0000000000000000000000000000000000000000000000000000000000000000?s=80&d=identicon", "avery.example@example.com", null, null },
        { "google", "109876543210987654321", "Avery Example", "https://lh3.googleusercontent.com/a/FAKE-picture-id=s96-c", "avery.example@example.com", null, true },
        { "huggingface", "6650f0a1b2c3d4e5f6a7b8c9", "Avery Example", "https://cdn-avatars.huggingface.co/v1/production/uploads/6650f0a1b2c3d4e5f6a7b8c9/fake-avatar.png", "avery.example@example.com", null, true },
        { "linkedin", "aB3dEfGhIj", "Avery Example", "https://media.licdn.com/dms/image/v2/FAKE0000/profile-displayphoto-shrink_100_100/0/1700000000000?e=1767225600&v=beta&t=fakefakefake", "avery.example@example.com", null, true },
        { "microsoft", "5f1c2b9a-0e3d-4c6b-9a7e-2d4f8b1c0a11", "Avery Example", null, "avery.example@example.com", "+1 425 555 0100", null },
        { "slack", "U0FAKE0001", "Avery Example", "https://secure.gravatar.com/avatar/00000000000000000000000000000000.jpg?s=512", "avery.example@example.com", null, true },
        { "spotify", "fakeuser0001", "Avery Example", "https://i.scdn.co/image/ab6775700000ee85fake000000000000000000", "avery.example@example.com", null, null },
        { "twitch", "987654321", "AveryExample", "https://static-cdn.jtvnw.net/jtv_user_pictures/fake-0000-profile_image-300x300.png", "avery.example@example.com", null, null },
        { "x", "2244994945", "Avery Example", "https://pbs.twimg.com/profile_images/1700000000000000000/FakeAvatar_normal.jpg", null, null, null },
        { "okta", "00uFAKE0000000000001", "Avery Example", null, "avery.example@example.com", null, true },
        { "auth0", "auth0|6650f0a1b2c3d4e5f6a7b8c9", "Avery Example", "https://s.gravatar.com/avatar/00000000000000000000000000000000?s=480&r=pg&d=https%3A%2F%2Fcdn.auth0.com%2Favatars%2Fae.png", "avery.example@example.com", null, true },
        { "keycloak", "3f9a1c2e-8b7d-4e6f-9a0b-1c2d3e4f5a6b", "Avery Example", null, "avery.example@example.com", null, true },
        { "entra-id", "7a1e0c55-3b2d-4f6e-8a9b-0c1d2e3f4a5b", "Avery Example", null, "avery@contoso.onmicrosoft.com", null, null },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task Preset_WithRecordedAnswers_MapsTheProfileFieldByField(
        string preset, string id, string? name, string? avatar, string? email, string? phone, bool? emailVerified)
    {
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "providers", preset + ".json")))!;
        var config = LoadPreset(preset);
        Assert.Empty(new OAuth2ConnectorConfigValidator(allowInsecureEndpoints: false).Validate(config).Errors);
        config = PointAtFakeProvider(config);
        Assert.Empty(new OAuth2ConnectorConfigValidator(allowInsecureEndpoints: true).Validate(config).Errors);
        Replay(config, recorded);

        var result = await _engine.Connector.CompleteSignInAsync(config, Configs.Exchange() with { NonceDigest = _nonce.Digest }, Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.False(result.IsError, result.Error?.Message);
        var profile = result.Value.Profile;
        Assert.Equal(id, profile.Id);
        Assert.Equal(name, profile.Name);
        Assert.Equal(avatar, profile.Avatar);
        Assert.Equal(email, profile.Email);
        Assert.Equal(phone, profile.Phone);
        Assert.Equal(emailVerified, profile.EmailVerified);
        Assert.Equal(config.IdTokenVerificationConfig is null ? 0 : 1, _provider.Requests(IdTokenIssuer.JwksPath).Count);
        var userInfo = _provider.SingleRequest(new Uri(config.UserInfoEndpoint).AbsolutePath);
        Assert.Equal(recorded["userInfoRequest"]!["method"]!.GetValue<string>(), userInfo.RequestMessage!.Method);
        foreach (var (header, value) in recorded["userInfoRequest"]!["headers"]!.AsObject())
        {
            var expected = value!.GetValue<string>().Replace("<clientId>", Configs.ClientId, StringComparison.Ordinal);
            Assert.True(userInfo.HasHeader(header), $"{preset}: {header} missing");
            if (!header.Equals("User-Agent", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Equal(expected, userInfo.Header(header));
            }
        }
    }

    /// <summary>
    /// The preset's config with client credentials, and for a preset of an IdP at the customer's domain (Okta, Keycloak…)
    /// each <c>{parameter}</c> replaced by the example its file gives, as the recorded ID token's issuer names it.
    /// </summary>
    private static OAuth2ConnectorConfig LoadPreset(string preset)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "presets", preset + ".json"));
        var parameters = JsonNode.Parse(text)!["parameters"]?.AsObject() ?? [];
        foreach (var (name, parameter) in parameters)
        {
            text = text.Replace("{" + name + "}", parameter!["example"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var config = JsonNode.Parse(text)!["config"]!.Deserialize<OAuth2ConnectorConfig>(Json)!;
        return config with { ClientId = Configs.ClientId, ClientSecret = Configs.ClientSecret };
    }

    private OAuth2ConnectorConfig PointAtFakeProvider(OAuth2ConnectorConfig config) => config with
    {
        AuthorizationEndpoint = Local(config.AuthorizationEndpoint),
        TokenEndpoint = Local(config.TokenEndpoint),
        UserInfoEndpoint = Local(config.UserInfoEndpoint),
        EmailLookup = config.EmailLookup is { } lookup ? lookup with { Endpoint = Local(lookup.Endpoint) } : null,
        IdTokenVerificationConfig = config.IdTokenVerificationConfig is { } rules ? rules with { JwksUri = _provider.Url + IdTokenIssuer.JwksPath } : null,
    };

    /// <summary>The same path and query on the fake provider, under the real host's name so hosts cannot collide.</summary>
    private string Local(string url)
    {
        var uri = new Uri(url);
        return $"{_provider.Url}/{uri.Host}{uri.PathAndQuery}";
    }

    private void Replay(OAuth2ConnectorConfig config, JsonNode recorded)
    {
        var token = recorded["tokenResponse"]!;
        var tokenBody = token["body"] is JsonValue raw && raw.TryGetValue<string>(out var text) ? text : token["body"]!.ToJsonString();
        if (config.IdTokenVerificationConfig is not null)
        {
            _issuer = new IdTokenIssuer(_provider);
            var body = JsonNode.Parse(tokenBody)!.AsObject();
            body["id_token"] = _issuer.IssueRecorded(recorded["idTokenClaims"]!.AsObject(), Configs.ClientId, _nonce.Value, _engine.Clock.GetUtcNow());
            tokenBody = body.ToJsonString();
        }

        _provider.On("POST", new Uri(config.TokenEndpoint).AbsolutePath, FakeProvider.Answer(200, token["contentType"]!.GetValue<string>(), tokenBody));

        var method = recorded["userInfoRequest"]!["method"]!.GetValue<string>();
        _provider.On(method, new Uri(config.UserInfoEndpoint).AbsolutePath, FakeProvider.Json(recorded["userInfoResponse"]!.ToJsonString()));

        if (config.EmailLookup is { } lookup)
        {
            _provider.On("GET", new Uri(lookup.Endpoint).AbsolutePath,
                FakeProvider.Json("""[{"email":"octo@example.com","primary":true,"verified":true,"visibility":"private"}]"""));
        }
    }

    [Theory]
    [InlineData("google")]
    [InlineData("microsoft")]
    [InlineData("gitlab")]
    [InlineData("okta")]
    [InlineData("auth0")]
    [InlineData("keycloak")]
    [InlineData("entra-id")]
    public void OpenIdPreset_VerifiesTheIdTokenAndAsksForOpenId(string preset)
    {
        var config = LoadPreset(preset);

        Assert.NotNull(config.IdTokenVerificationConfig);
        Assert.Contains("openid", config.Scope!.Split(' '));
    }

    public void Dispose()
    {
        _issuer?.Dispose();
        _engine.Dispose();
        _provider.Dispose();
    }
}
