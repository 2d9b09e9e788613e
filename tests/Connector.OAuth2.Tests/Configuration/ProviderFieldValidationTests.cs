using Connector.OAuth2.Configuration;

namespace Connector.OAuth2.Tests.Configuration;

/// <summary>Validation of the optional fields beyond Logto (userinfo request, per-request parameters, email lookup).</summary>
public sealed class ProviderFieldValidationTests
{
    private static readonly OAuth2ConnectorConfig Valid = new()
    {
        AuthorizationEndpoint = "https://p.example/authorize",
        TokenEndpoint = "https://p.example/token",
        UserInfoEndpoint = "https://p.example/userinfo",
        ClientId = "client",
        ClientSecret = "secret",
    };

    [Fact]
    public void Validate_WithEveryProviderFieldSet_Passes()
    {
        var config = Valid with
        {
            UserInfoMethod = "POST",
            UserInfoHeaders = new Dictionary<string, string> { ["Client-Id"] = "{clientId}" },
            AuthorizationParams = new Dictionary<string, string> { ["access_type"] = "offline" },
            TokenParams = new Dictionary<string, string> { ["token_access_type"] = "offline" },
            EmailLookup = new EmailLookup { Endpoint = "https://api.p.example/user/emails" },
            ProfileMap = new ProfileMap { EmailVerified = "verified" },
        };

        Assert.Empty(Validate(config));
    }

    [Fact]
    public void Validate_WithUnsupportedUserInfoMethod_ReportsUnsupportedValue() =>
        Assert.Contains(("userInfoMethod", ValidationCodes.UnsupportedValue), Validate(Valid with { UserInfoMethod = "PUT" }));

    [Theory]
    [InlineData("Authorization")]
    [InlineData("host")]
    [InlineData("Cookie")]
    public void Validate_WithHeaderTheEngineOwns_ReportsReservedParameter(string name) =>
        Assert.Contains(($"userInfoHeaders.{name}", ValidationCodes.ReservedParameter),
            Validate(Valid with { UserInfoHeaders = new Dictionary<string, string> { [name] = "x" } }));

    [Theory]
    [InlineData("Bad Header", "x")]
    [InlineData("X-Ok", "line1\r\nX-Injected: 1")]
    public void Validate_WithMalformedHeader_ReportsInvalidParameter(string name, string value) =>
        Assert.Contains(($"userInfoHeaders.{name}", ValidationCodes.InvalidParameter),
            Validate(Valid with { UserInfoHeaders = new Dictionary<string, string> { [name] = value } }));

    [Fact]
    public void Validate_WithReservedNameInPerRequestParams_ReportsEachOne()
    {
        var errors = Validate(Valid with
        {
            AuthorizationParams = new Dictionary<string, string> { ["redirect_uri"] = "https://evil.example" },
            TokenParams = new Dictionary<string, string> { ["code_verifier"] = "x" },
        });

        Assert.Contains(("authorizationParams.redirect_uri", ValidationCodes.ReservedParameter), errors);
        Assert.Contains(("tokenParams.code_verifier", ValidationCodes.ReservedParameter), errors);
    }

    [Theory]
    [InlineData("", ValidationCodes.Required)]
    [InlineData("http://api.example/emails", ValidationCodes.InsecureUrl)]
    [InlineData("not a url", ValidationCodes.InvalidUrl)]
    public void Validate_WithBadEmailLookupEndpoint_ReportsItsCode(string endpoint, string code) =>
        Assert.Contains(("emailLookup.endpoint", code), Validate(Valid with { EmailLookup = new EmailLookup { Endpoint = endpoint } }));

    private static List<(string, string)> Validate(OAuth2ConnectorConfig config) =>
        new OAuth2ConnectorConfigValidator(allowInsecureEndpoints: false).Validate(config).Errors
            .Select(e => (e.PropertyName, e.ErrorCode)).ToList();
}
