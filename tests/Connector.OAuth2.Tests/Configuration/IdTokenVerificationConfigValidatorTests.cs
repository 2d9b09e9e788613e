using Connector.OAuth2.Configuration;

namespace Connector.OAuth2.Tests.Configuration;

public sealed class IdTokenVerificationConfigValidatorTests
{
    private static readonly OAuth2ConnectorConfig Oidc = new()
    {
        AuthorizationEndpoint = "https://idp.example.com/authorize",
        TokenEndpoint = "https://idp.example.com/token",
        ClientId = "client",
        ClientSecret = "secret",
        IdTokenVerificationConfig = new IdTokenVerificationConfig { JwksUri = "https://idp.example.com/jwks", Issuer = "https://idp.example.com" },
    };

    private readonly OAuth2ConnectorConfigValidator _validator = new(allowInsecureEndpoints: false);

    [Fact]
    public void WithIdTokenVerification_UserInfoEndpointIsOptional() =>
        Assert.Empty(_validator.Validate(Oidc).Errors);

    [Fact]
    public void WithoutIdTokenVerification_UserInfoEndpointIsRequired() =>
        Assert.Contains(_validator.Validate(Oidc with { IdTokenVerificationConfig = null }).Errors,
            e => e.PropertyName == "userInfoEndpoint" && e.ErrorCode == ValidationCodes.Required);

    public static TheoryData<IdTokenVerificationConfig, string, string> Bad => new()
    {
        { new() { JwksUri = "", Issuer = "https://idp.example.com" }, "idTokenVerificationConfig.jwksUri", ValidationCodes.Required },
        { new() { JwksUri = "http://idp.example.com/jwks", Issuer = "https://idp.example.com" }, "idTokenVerificationConfig.jwksUri", ValidationCodes.InsecureUrl },
        { new() { JwksUri = "https://idp.example.com/jwks", Issuer = "" }, "idTokenVerificationConfig.issuer", ValidationCodes.Required },
        { new() { JwksUri = "https://idp.example.com/jwks", Issuer = "https://idp.example.com", Audience = " " }, "idTokenVerificationConfig.audience", ValidationCodes.Required },
        { new() { JwksUri = "https://idp.example.com/jwks", Issuer = "https://idp.example.com", Algorithms = ["none"] }, "idTokenVerificationConfig.algorithms", ValidationCodes.UnsupportedValue },
        { new() { JwksUri = "https://idp.example.com/jwks", Issuer = "https://idp.example.com", Algorithms = ["HS256"] }, "idTokenVerificationConfig.algorithms", ValidationCodes.UnsupportedValue },
        { new() { JwksUri = "https://idp.example.com/jwks", Issuer = "https://idp.example.com", Algorithms = [] }, "idTokenVerificationConfig.algorithms", ValidationCodes.Required },
        { new() { JwksUri = "https://idp.example.com/jwks", Issuer = "https://idp.example.com", ClockTolerance = -1 }, "idTokenVerificationConfig.clockTolerance", ValidationCodes.UnsupportedValue },
        { new() { JwksUri = "https://idp.example.com/jwks", Issuer = "https://idp.example.com", ClockTolerance = 3600 }, "idTokenVerificationConfig.clockTolerance", ValidationCodes.UnsupportedValue },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void BadValue_IsNamedAtItsPathWithItsCode(IdTokenVerificationConfig rules, string path, string code)
    {
        var errors = _validator.Validate(Oidc with { IdTokenVerificationConfig = rules }).Errors;

        var error = Assert.Single(errors);
        Assert.Equal(path, error.PropertyName);
        Assert.Equal(code, error.ErrorCode);
    }

    [Fact]
    public void NonceInCustomConfig_IsReserved() =>
        Assert.Contains(_validator.Validate(Oidc with { CustomConfig = new Dictionary<string, string> { ["nonce"] = "fixed" } }).Errors,
            e => e.PropertyName == "customConfig.nonce" && e.ErrorCode == ValidationCodes.ReservedParameter);
}
