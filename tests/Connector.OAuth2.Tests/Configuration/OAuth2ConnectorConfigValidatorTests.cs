using System.Text.Json;
using Connector.OAuth2.Configuration;
using FluentValidation.Results;

namespace Connector.OAuth2.Tests.Configuration;

public sealed class OAuth2ConnectorConfigValidatorTests
{
    private static readonly JsonSerializerOptions LogtoJson = new(JsonSerializerDefaults.Web);

    private readonly OAuth2ConnectorConfigValidator _strict = new(allowInsecureEndpoints: false);
    private readonly OAuth2ConnectorConfigValidator _insecureAllowed = new(allowInsecureEndpoints: true);

    [Fact]
    public void Validate_WithCompleteLogtoExport_Passes()
    {
        var config = LoadLogtoExport();

        var result = _strict.Validate(config);

        Assert.True(result.IsValid, Describe(result));
        // The export binds field for field: a non-default value of each shows it was read, not defaulted.
        Assert.Equal(TokenEndpointAuthMethods.ClientSecretBasic, config.TokenEndpointAuthMethod);
        Assert.Equal(ClientSecretJwtAlgorithms.HS512, config.ClientSecretJwtSigningAlgorithm);
        Assert.Equal(TokenResponseTypes.QueryString, config.TokenEndpointResponseType);
        Assert.Equal("offline", config.CustomConfig!["accessType"]);
        Assert.Equal("data.user.contact.phone", config.ProfileMap!.Phone);
        Assert.False(config.Pkce);
    }

    [Fact]
    public void Validate_WithMinimalValidConfig_Passes()
    {
        var result = _strict.Validate(Valid());

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void NewConfig_HasTheDefaultsOfDesign()
    {
        var config = new OAuth2ConnectorConfig();

        Assert.Equal("client_secret_post", config.TokenEndpointAuthMethod);
        Assert.Equal("HS256", config.ClientSecretJwtSigningAlgorithm);
        Assert.Equal("code", config.ResponseType);
        Assert.Equal("authorization_code", config.GrantType);
        Assert.True(config.Pkce);
        Assert.Null(config.TokenEndpointResponseType);
        Assert.Null(config.Scope);
        Assert.Null(config.CustomConfig);
        Assert.Null(config.ProfileMap);
    }

    [Fact]
    public void Deserialize_WithOnlyRequiredFields_KeepsTheDefaultsOfDesign()
    {
        const string json = """
            {"authorizationEndpoint":"https://p.example.com/a","tokenEndpoint":"https://p.example.com/t",
             "userInfoEndpoint":"https://p.example.com/u","clientId":"id","clientSecret":"secret"}
            """;

        var config = JsonSerializer.Deserialize<OAuth2ConnectorConfig>(json, LogtoJson)!;

        Assert.Equal("client_secret_post", config.TokenEndpointAuthMethod);
        Assert.Equal("HS256", config.ClientSecretJwtSigningAlgorithm);
        Assert.Equal("code", config.ResponseType);
        Assert.Equal("authorization_code", config.GrantType);
        Assert.True(config.Pkce);
        Assert.Null(config.TokenEndpointResponseType);
        Assert.True(_strict.Validate(config).IsValid);
    }

    [Fact]
    public void Validate_WithEmptyConfig_ReportsEveryMissingFieldAtOnce()
    {
        var result = _strict.Validate(new OAuth2ConnectorConfig());

        var errors = result.Errors.Select(e => (e.PropertyName, e.ErrorCode)).OrderBy(e => e.PropertyName, StringComparer.Ordinal);
        Assert.Equal(
            [
                ("authorizationEndpoint", "required"),
                ("clientId", "required"),
                ("clientSecret", "required"),
                ("tokenEndpoint", "required"),
                ("userInfoEndpoint", "required"),
            ],
            errors);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    public void Validate_WithBlankClientIdAndSecret_ReportsRequired(string blank)
    {
        var config = Valid() with { ClientId = blank, ClientSecret = blank };

        var result = _strict.Validate(config);

        Assert.Equal(
            [("clientId", "required"), ("clientSecret", "required")],
            result.Errors.Select(e => (e.PropertyName, e.ErrorCode)).OrderBy(e => e.PropertyName, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("authorizationEndpoint")]
    [InlineData("tokenEndpoint")]
    [InlineData("userInfoEndpoint")]
    public void Validate_WithHttpEndpointWhenInsecureNotAllowed_ReportsInsecureUrl(string field)
    {
        var config = WithEndpoint(Valid(), field, "http://provider.example.com/oauth");

        var result = _strict.Validate(config);

        AssertSingleError(result, field, ValidationCodes.InsecureUrl);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/token")]
    [InlineData("http://localhost:8080/token")]
    [InlineData("http://[::1]:9000/token")]
    public void Validate_WithHttpLoopbackWhenInsecureNotAllowed_ReportsInsecureUrl(string url)
    {
        var config = Valid() with { TokenEndpoint = url };

        var result = _strict.Validate(config);

        AssertSingleError(result, "tokenEndpoint", ValidationCodes.InsecureUrl);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/token")]
    [InlineData("http://localhost:8080/token")]
    [InlineData("http://LOCALHOST/token")]
    [InlineData("http://[::1]:9000/token")]
    public void Validate_WithHttpLoopbackWhenInsecureAllowed_Passes(string url)
    {
        var config = Valid() with { AuthorizationEndpoint = url, TokenEndpoint = url, UserInfoEndpoint = url };

        var result = _insecureAllowed.Validate(config);

        Assert.True(result.IsValid, Describe(result));
    }

    [Theory]
    [InlineData("http://provider.example.com/token")]
    [InlineData("http://10.0.0.5/token")]
    [InlineData("http://192.168.1.10:8080/token")]
    [InlineData("http://localhost.example.com/token")]
    [InlineData("http://127.0.0.1.nip.io/token")]
    public void Validate_WithHttpToNonLoopbackHostWhenInsecureAllowed_ReportsInsecureUrl(string url)
    {
        var config = Valid() with { TokenEndpoint = url };

        var result = _insecureAllowed.Validate(config);

        AssertSingleError(result, "tokenEndpoint", ValidationCodes.InsecureUrl);
    }

    [Theory]
    [InlineData("/oauth/token")]
    [InlineData("oauth/token")]
    [InlineData("provider.example.com/oauth/token")]
    [InlineData("ftp://provider.example.com/token")]
    [InlineData("https://user:pass@provider.example.com/token")]
    [InlineData("https://provider.example.com/token#fragment")]
    public void Validate_WithMalformedEndpoint_ReportsInvalidUrl(string url)
    {
        var config = Valid() with { UserInfoEndpoint = url };

        var result = _insecureAllowed.Validate(config);

        AssertSingleError(result, "userInfoEndpoint", ValidationCodes.InvalidUrl);
    }

    [Fact]
    public void Validate_WithSeveralBadFields_ReportsEachWithItsOwnCode()
    {
        var config = Valid() with
        {
            AuthorizationEndpoint = "http://provider.example.com/authorize",
            TokenEndpoint = "ftp://provider.example.com/token",
            ClientSecret = "",
            GrantType = "password",
            CustomConfig = new Dictionary<string, string> { ["state"] = "x" },
        };

        var result = _strict.Validate(config);

        Assert.Equal(
            [
                ("authorizationEndpoint", "insecure_url"),
                ("clientSecret", "required"),
                ("customConfig.state", "reserved_parameter"),
                ("grantType", "unsupported_value"),
                ("tokenEndpoint", "invalid_url"),
            ],
            result.Errors.Select(e => (e.PropertyName, e.ErrorCode)).OrderBy(e => e.PropertyName, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("tokenEndpointAuthMethod", "private_key_jwt")]
    [InlineData("tokenEndpointAuthMethod", "none")]
    [InlineData("tokenEndpointAuthMethod", "Client_Secret_Post")]
    [InlineData("clientSecretJwtSigningAlgorithm", "RS256")]
    [InlineData("clientSecretJwtSigningAlgorithm", "none")]
    [InlineData("tokenEndpointResponseType", "xml")]
    [InlineData("responseType", "token")]
    [InlineData("responseType", "code id_token")]
    [InlineData("grantType", "client_credentials")]
    [InlineData("grantType", "implicit")]
    public void Validate_WithUnsupportedEnumValue_ReportsUnsupportedValueAtItsPath(string field, string value)
    {
        var config = field switch
        {
            "tokenEndpointAuthMethod" => Valid() with { TokenEndpointAuthMethod = value },
            "clientSecretJwtSigningAlgorithm" => Valid() with { ClientSecretJwtSigningAlgorithm = value },
            "tokenEndpointResponseType" => Valid() with { TokenEndpointResponseType = value },
            "responseType" => Valid() with { ResponseType = value },
            "grantType" => Valid() with { GrantType = value },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };

        var result = _strict.Validate(config);

        AssertSingleError(result, field, ValidationCodes.UnsupportedValue);
    }

    [Theory]
    [InlineData("client_secret_post", "HS256", "json")]
    [InlineData("client_secret_basic", "HS384", "query-string")]
    [InlineData("client_secret_jwt", "HS512", null)]
    public void Validate_WithEverySupportedEnumValue_Passes(string authMethod, string algorithm, string? responseType)
    {
        var config = Valid() with
        {
            TokenEndpointAuthMethod = authMethod,
            ClientSecretJwtSigningAlgorithm = algorithm,
            TokenEndpointResponseType = responseType,
        };

        var result = _strict.Validate(config);

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void Validate_WithStateInCustomConfig_ReportsReservedParameter()
    {
        var config = Valid() with { CustomConfig = new Dictionary<string, string> { ["state"] = "x" } };

        var result = _strict.Validate(config);

        AssertSingleError(result, "customConfig.state", ValidationCodes.ReservedParameter);
    }

    [Theory]
    [InlineData("client_id")]
    [InlineData("client_secret")]
    [InlineData("redirect_uri")]
    [InlineData("response_type")]
    [InlineData("grant_type")]
    [InlineData("state")]
    [InlineData("code")]
    [InlineData("code_challenge")]
    [InlineData("code_challenge_method")]
    [InlineData("code_verifier")]
    [InlineData("client_assertion")]
    [InlineData("client_assertion_type")]
    public void Validate_WithReservedCustomConfigKey_ReportsReservedParameter(string name)
    {
        var config = Valid() with { CustomConfig = new Dictionary<string, string> { [name] = "injected" } };

        var result = _strict.Validate(config);

        AssertSingleError(result, "customConfig." + name, ValidationCodes.ReservedParameter);
    }

    [Theory]
    [InlineData("clientId")]
    [InlineData("clientSecret")]
    [InlineData("redirectUri")]
    [InlineData("responseType")]
    [InlineData("grantType")]
    [InlineData("codeChallenge")]
    [InlineData("codeChallengeMethod")]
    [InlineData("codeVerifier")]
    [InlineData("clientAssertion")]
    [InlineData("clientAssertionType")]
    [InlineData("clientID")]
    [InlineData("redirect-uri")]
    [InlineData("State")]
    public void Validate_WithCustomConfigKeyThatBecomesReservedInSnakeCase_ReportsReservedParameter(string key)
    {
        var config = Valid() with { CustomConfig = new Dictionary<string, string> { [key] = "injected" } };

        var result = _strict.Validate(config);

        AssertSingleError(result, "customConfig." + key, ValidationCodes.ReservedParameter);
    }

    [Fact]
    public void Validate_WithSeveralReservedCustomConfigKeys_ReportsEachOne()
    {
        var config = Valid() with
        {
            CustomConfig = new Dictionary<string, string> { ["state"] = "x", ["redirectUri"] = "https://evil.example", ["prompt"] = "consent" },
        };

        var result = _strict.Validate(config);

        Assert.Equal(
            ["customConfig.redirectUri", "customConfig.state"],
            result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.Equal(ValidationCodes.ReservedParameter, e.ErrorCode));
    }

    [Theory]
    [InlineData("accessType")]
    [InlineData("access_type")]
    [InlineData("prompt")]
    [InlineData("audience")]
    [InlineData("scope_separator")]
    public void Validate_WithOrdinaryCustomConfigKey_Passes(string key)
    {
        var config = Valid() with { CustomConfig = new Dictionary<string, string> { [key] = "offline" } };

        var result = _strict.Validate(config);

        Assert.True(result.IsValid, Describe(result));
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData(".id")]
    [InlineData("id.")]
    [InlineData("data..user.id")]
    public void Validate_WithEmptySegmentInProfileIdPath_ReportsInvalidPath(string path)
    {
        var config = Valid() with { ProfileMap = new ProfileMap { Id = path } };

        var result = _strict.Validate(config);

        AssertSingleError(result, "profileMap.id", ValidationCodes.InvalidPath);
    }

    [Fact]
    public void Validate_WithEmptySegmentInEveryProfilePath_ReportsEachField()
    {
        var config = Valid() with
        {
            ProfileMap = new ProfileMap { Id = "a..b", Name = "a..b", Avatar = "a..b", Email = "a..b", Phone = "a..b" },
        };

        var result = _strict.Validate(config);

        Assert.Equal(
            ["profileMap.avatar", "profileMap.email", "profileMap.id", "profileMap.name", "profileMap.phone"],
            result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.Equal(ValidationCodes.InvalidPath, e.ErrorCode));
    }

    [Fact]
    public void Validate_WithDotAndIndexProfilePaths_Passes()
    {
        var config = Valid() with
        {
            ProfileMap = new ProfileMap { Id = "data.user.id", Name = "login", Avatar = "images.0.url", Email = "emails.0.value" },
        };

        var result = _strict.Validate(config);

        Assert.True(result.IsValid, Describe(result));
    }

    private static OAuth2ConnectorConfig Valid() => new()
    {
        AuthorizationEndpoint = "https://provider.example.com/oauth/authorize",
        TokenEndpoint = "https://provider.example.com/oauth/token",
        UserInfoEndpoint = "https://api.provider.example.com/user",
        ClientId = "client-id",
        ClientSecret = "client-secret",
    };

    private static OAuth2ConnectorConfig WithEndpoint(OAuth2ConnectorConfig config, string field, string url) => field switch
    {
        "authorizationEndpoint" => config with { AuthorizationEndpoint = url },
        "tokenEndpoint" => config with { TokenEndpoint = url },
        "userInfoEndpoint" => config with { UserInfoEndpoint = url },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static OAuth2ConnectorConfig LoadLogtoExport()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "configs", "logto-oauth2.json");
        return JsonSerializer.Deserialize<OAuth2ConnectorConfig>(File.ReadAllText(path), LogtoJson)!;
    }

    private static void AssertSingleError(ValidationResult result, string path, string code)
    {
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.PropertyName);
        Assert.Equal(code, error.ErrorCode);
    }

    private static string Describe(ValidationResult result) =>
        string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorCode} ({e.ErrorMessage})"));
}
