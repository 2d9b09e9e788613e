using System.Security.Cryptography;
using Connector.OAuth2.Configuration;

namespace Connector.OAuth2.Tests.Configuration;

/// <summary>The rules of <c>signedClientSecret</c> and <c>clientAssertionKey</c>: every bad key named at its own path with its own code.</summary>
public sealed class ClientKeyValidationTests
{
    private static readonly string EcPem = SignedJwts.NewEcKey().Pem;
    private static readonly string RsaPem = SignedJwts.NewRsaKey().Pem;

    private readonly OAuth2ConnectorConfigValidator _validator = new(allowInsecureEndpoints: false);

    public static TheoryData<string, string, string> BadAssertionKeys => new()
    {
        { "ES256", "not a key", ValidationCodes.InvalidPrivateKey },
        { "ES256", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", ValidationCodes.InvalidPrivateKey },
        { "ES256", PublicPem(), ValidationCodes.InvalidPrivateKey },
        { "ES256", EncryptedPem(), ValidationCodes.InvalidPrivateKey },
        { "ES256", RsaPem, ValidationCodes.KeyTypeMismatch },
        { "RS256", EcPem, ValidationCodes.KeyTypeMismatch },
        { "ES256", SignedJwts.NewEcKey(ECCurve.NamedCurves.nistP384).Pem, ValidationCodes.UnsupportedKey },
        { "RS256", SignedJwts.NewRsaKey(1024).Pem, ValidationCodes.UnsupportedKey },
        { "RS256", "", ValidationCodes.Required },
    };

    [Theory]
    [MemberData(nameof(BadAssertionKeys))]
    public void ClientAssertionKey_WithABadPrivateKey_IsRefusedAtItsPath(string algorithm, string pem, string code)
    {
        var errors = Errors(PrivateKeyJwt(new ClientAssertionKey { PrivateKey = pem, KeyId = "k1", Algorithm = algorithm }));

        var error = Assert.Single(errors);
        Assert.Equal(("clientAssertionKey.privateKey", code), error);
    }

    [Theory]
    [InlineData("ES256")]
    [InlineData("RS256")]
    public void PrivateKeyJwt_WithAValidKey_NeedsNoClientSecret(string algorithm)
    {
        var config = PrivateKeyJwt(new ClientAssertionKey { PrivateKey = algorithm == "ES256" ? EcPem : RsaPem, KeyId = "k1", Algorithm = algorithm });

        Assert.Empty(Errors(config));
    }

    [Fact]
    public void PrivateKeyJwt_WithoutAKey_NamesTheMissingKeyAndItsMembers()
    {
        Assert.Equal([("clientAssertionKey", ValidationCodes.Required)], Errors(PrivateKeyJwt(null)));
        Assert.Equal(
            [("clientAssertionKey.algorithm", ValidationCodes.Required), ("clientAssertionKey.keyId", ValidationCodes.Required),
                ("clientAssertionKey.privateKey", ValidationCodes.Required)],
            Errors(PrivateKeyJwt(new ClientAssertionKey())).Order());
        Assert.Equal([("clientAssertionKey.algorithm", ValidationCodes.UnsupportedValue)],
            Errors(PrivateKeyJwt(new ClientAssertionKey { PrivateKey = RsaPem, KeyId = "k1", Algorithm = "HS256" })));
    }

    [Fact]
    public void SignedClientSecret_Valid_NeedsNoClientSecret() => Assert.Empty(Errors(Signed(AppleSecret())));

    [Fact]
    public void SignedClientSecret_WithMissingMembers_NamesEach()
    {
        var errors = Errors(Signed(new SignedClientSecret()));

        Assert.Equal(
            [("signedClientSecret.audience", ValidationCodes.Required), ("signedClientSecret.issuer", ValidationCodes.Required),
                ("signedClientSecret.keyId", ValidationCodes.Required), ("signedClientSecret.privateKey", ValidationCodes.Required)],
            errors.Order());
    }

    [Theory]
    [InlineData("algorithm", ValidationCodes.UnsupportedValue)]
    [InlineData("privateKey.rsa", ValidationCodes.KeyTypeMismatch)]
    [InlineData("privateKey.garbage", ValidationCodes.InvalidPrivateKey)]
    [InlineData("lifetimeSeconds.0", ValidationCodes.UnsupportedValue)]
    [InlineData("lifetimeSeconds.3601", ValidationCodes.UnsupportedValue)]
    [InlineData("lifetimeSeconds.15777000", ValidationCodes.UnsupportedValue)]
    public void SignedClientSecret_WithABadMember_IsRefusedAtItsPath(string change, string code)
    {
        var secret = change switch
        {
            "algorithm" => AppleSecret() with { Algorithm = "RS256" },
            "privateKey.rsa" => AppleSecret() with { PrivateKey = RsaPem },
            "privateKey.garbage" => AppleSecret() with { PrivateKey = "-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----" },
            _ => AppleSecret() with { LifetimeSeconds = int.Parse(change.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture) },
        };

        Assert.Equal([($"signedClientSecret.{change.Split('.')[0]}", code)], Errors(Signed(secret)));
    }

    [Theory]
    [InlineData(TokenEndpointAuthMethods.ClientSecretJwt)]
    [InlineData(TokenEndpointAuthMethods.PrivateKeyJwt)]
    public void SignedClientSecret_WithAMethodThatSendsNoSecret_IsRefused(string method)
    {
        var config = Signed(AppleSecret()) with
        {
            TokenEndpointAuthMethod = method,
            ClientSecret = "s",
            ClientAssertionKey = new ClientAssertionKey { PrivateKey = EcPem, KeyId = "k", Algorithm = "ES256" },
        };

        Assert.Equal([("signedClientSecret", ValidationCodes.UnsupportedValue)], Errors(config));
    }

    [Fact]
    public void ClientSecret_IsStillRequiredWithoutAKey() =>
        Assert.Equal([("clientSecret", ValidationCodes.Required)], Errors(Base() with { ClientSecret = "" }));

    [Fact]
    public void ValidationMessages_NeverEchoTheKey()
    {
        var result = _validator.Validate(PrivateKeyJwt(new ClientAssertionKey { PrivateKey = RsaPem, KeyId = "k", Algorithm = "ES256" }));

        var body = RsaPem.Split('\n')[1];
        Assert.All(result.Errors, e => Assert.DoesNotContain(body, e.ErrorMessage + e.AttemptedValue, StringComparison.Ordinal));
    }

    private List<(string, string)> Errors(OAuth2ConnectorConfig config) =>
        [.. _validator.Validate(config).Errors.Select(e => (e.PropertyName, e.ErrorCode))];

    private static OAuth2ConnectorConfig Base() => new()
    {
        AuthorizationEndpoint = "https://idp.example.com/authorize",
        TokenEndpoint = "https://idp.example.com/token",
        UserInfoEndpoint = "https://idp.example.com/userinfo",
        ClientId = "client-1",
        ClientSecret = "secret",
    };

    private static OAuth2ConnectorConfig PrivateKeyJwt(ClientAssertionKey? key) => Base() with
    {
        ClientSecret = "",
        TokenEndpointAuthMethod = TokenEndpointAuthMethods.PrivateKeyJwt,
        ClientAssertionKey = key,
    };

    private static OAuth2ConnectorConfig Signed(SignedClientSecret secret) => Base() with { ClientSecret = "", SignedClientSecret = secret };

    private static SignedClientSecret AppleSecret() => new()
    {
        KeyId = "ABC123DEFG",
        Issuer = "TEAM456789",
        Audience = "https://appleid.apple.com",
        PrivateKey = EcPem,
        LifetimeSeconds = 3600,
    };

    private static string PublicPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    private static string EncryptedPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1000));
    }
}
