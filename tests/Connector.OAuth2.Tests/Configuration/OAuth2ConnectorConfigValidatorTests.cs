using System.Text.Json;
using Connector.OAuth2.Configuration;
using FluentValidation.Results;

namespace Connector.OAuth2.Tests.Configuration;

public sealed class OAuth2ConnectorConfigValidatorTests
{
    private static readonly JsonSerializerOptions LogtoJson = new(JsonSerializerDefaults.Web);

    private readonly OAuth2ConnectorConfigValidator _strict = new(allowInsecureEndpoints: false);
    private readonly OAuth2ConnectorConfigValidator _insecureAllowed = new(allowInsecureEndpoints: true);

    /// <summary>One field set to one value: the validator names that field alone, with its code.</summary>
    public static TheoryData<string, string, bool, string> OneBadValue => new()
    {
        // Plain http is refused without AllowInsecureEndpoints, even on loopback...
        { "authorizationEndpoint", "http://provider.example.com/oauth", false, ValidationCodes.InsecureUrl },
        { "tokenEndpoint", "http://provider.example.com/oauth", false, ValidationCodes.InsecureUrl },
        { "userInfoEndpoint", "http://provider.example.com/oauth", false, ValidationCodes.InsecureUrl },
        { "tokenEndpoint", "http://127.0.0.1:5080/token", false, ValidationCodes.InsecureUrl },
        { "tokenEndpoint", "http://localhost:8080/token", false, ValidationCodes.InsecureUrl },
        { "tokenEndpoint", "http://[::1]:9000/token", false, ValidationCodes.InsecureUrl },
        // ...and with it, anywhere but loopback (a name that only looks like loopback included).
        { "tokenEndpoint", "http://provider.example.com/token", true, ValidationCodes.InsecureUrl },
        { "tokenEndpoint", "http://10.0.0.5/token", true, ValidationCodes.InsecureUrl },
        { "tokenEndpoint", "http://192.168.1.10:8080/token", true, ValidationCodes.InsecureUrl },
        { "tokenEndpoint", "http://localhost.example.com/token", true, ValidationCodes.InsecureUrl },
        { "tokenEndpoint", "http://127.0.0.1.nip.io/token", true, ValidationCodes.InsecureUrl },
        // Not an absolute http(s) URL, or one carrying credentials or a fragment.
        { "userInfoEndpoint", "/oauth/token", true, ValidationCodes.InvalidUrl },
        { "userInfoEndpoint", "oauth/token", true, ValidationCodes.InvalidUrl },
        { "userInfoEndpoint", "provider.example.com/oauth/token", true, ValidationCodes.InvalidUrl },
        { "userInfoEndpoint", "ftp://provider.example.com/token", true, ValidationCodes.InvalidUrl },
        { "userInfoEndpoint", "https://user:pass@provider.example.com/token", true, ValidationCodes.InvalidUrl },
        { "userInfoEndpoint", "https://provider.example.com/token#fragment", true, ValidationCodes.InvalidUrl },
        // Values the engine does not implement, at their own path; enum values are case-sensitive.
        { "tokenEndpointAuthMethod", "tls_client_auth", false, ValidationCodes.UnsupportedValue },
        { "tokenEndpointAuthMethod", "none", false, ValidationCodes.UnsupportedValue },
        { "tokenEndpointAuthMethod", "Client_Secret_Post", false, ValidationCodes.UnsupportedValue },
        { "clientSecretJwtSigningAlgorithm", "RS256", false, ValidationCodes.UnsupportedValue },
        { "clientSecretJwtSigningAlgorithm", "none", false, ValidationCodes.UnsupportedValue },
        { "tokenEndpointResponseType", "xml", false, ValidationCodes.UnsupportedValue },
        { "responseType", "token", false, ValidationCodes.UnsupportedValue },
        { "responseType", "code id_token", false, ValidationCodes.UnsupportedValue },
        { "grantType", "client_credentials", false, ValidationCodes.UnsupportedValue },
        { "grantType", "implicit", false, ValidationCodes.UnsupportedValue },
        { "responseMode", "fragment", false, ValidationCodes.UnsupportedValue },
        { "responseMode", "Form_Post", false, ValidationCodes.UnsupportedValue },
        { "responseMode", "", false, ValidationCodes.UnsupportedValue },
        // customConfig keys naming a parameter the engine sets itself...
        { "customConfig.state", "x", false, ValidationCodes.ReservedParameter },
        { "customConfig.client_id", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.client_secret", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.redirect_uri", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.response_type", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.grant_type", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.state", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.code", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.code_challenge", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.code_challenge_method", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.code_verifier", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.client_assertion", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.client_assertion_type", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.response_mode", "query", false, ValidationCodes.ReservedParameter },
        // ...or becoming one in snake case.
        { "customConfig.clientId", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.clientSecret", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.redirectUri", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.responseType", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.grantType", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.codeChallenge", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.codeChallengeMethod", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.codeVerifier", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.clientAssertion", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.clientAssertionType", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.responseMode", "form_post", false, ValidationCodes.ReservedParameter },
        { "customConfig.clientID", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.redirect-uri", "injected", false, ValidationCodes.ReservedParameter },
        { "customConfig.State", "injected", false, ValidationCodes.ReservedParameter },
        // A profile path with an empty segment.
        { "profileMap.id", "a..b", false, ValidationCodes.InvalidPath },
        { "profileMap.id", ".id", false, ValidationCodes.InvalidPath },
        { "profileMap.id", "id.", false, ValidationCodes.InvalidPath },
        { "profileMap.id", "data..user.id", false, ValidationCodes.InvalidPath },
    };

    /// <summary>Changes to the minimal valid config that keep it valid.</summary>
    public static TheoryData<bool, string[]> StillValid => new()
    {
        { false, [] },
        // Plain http on loopback, when insecure endpoints are allowed (local development).
        { true, ["authorizationEndpoint=http://127.0.0.1:5080/token", "tokenEndpoint=http://127.0.0.1:5080/token", "userInfoEndpoint=http://127.0.0.1:5080/token"] },
        { true, ["authorizationEndpoint=http://localhost:8080/token", "tokenEndpoint=http://localhost:8080/token", "userInfoEndpoint=http://localhost:8080/token"] },
        { true, ["authorizationEndpoint=http://LOCALHOST/token", "tokenEndpoint=http://LOCALHOST/token", "userInfoEndpoint=http://LOCALHOST/token"] },
        { true, ["authorizationEndpoint=http://[::1]:9000/token", "tokenEndpoint=http://[::1]:9000/token", "userInfoEndpoint=http://[::1]:9000/token"] },
        // Every supported enum value.
        { false, ["tokenEndpointAuthMethod=client_secret_post", "clientSecretJwtSigningAlgorithm=HS256", "tokenEndpointResponseType=json"] },
        { false, ["tokenEndpointAuthMethod=client_secret_basic", "clientSecretJwtSigningAlgorithm=HS384", "tokenEndpointResponseType=query-string"] },
        { false, ["tokenEndpointAuthMethod=client_secret_jwt", "clientSecretJwtSigningAlgorithm=HS512"] },
        { false, ["responseMode=query"] },
        { false, ["responseMode=form_post"] },
        // Ordinary customConfig keys, whatever their spelling.
        { false, ["customConfig.accessType=offline"] },
        { false, ["customConfig.access_type=offline"] },
        { false, ["customConfig.prompt=offline"] },
        { false, ["customConfig.audience=offline"] },
        { false, ["customConfig.scope_separator=offline"] },
        // Profile paths with dots and indexes.
        { false, ["profileMap.id=data.user.id", "profileMap.name=login", "profileMap.avatar=images.0.url", "profileMap.email=emails.0.value"] },
    };

    /// <summary>Several bad values at once: each is reported, with its own code.</summary>
    public static TheoryData<string[], string[]> SeveralBadValues => new()
    {
        { ["clientId= ", "clientSecret= "], ["clientId required", "clientSecret required"] },
        { ["clientId=\t", "clientSecret=\t"], ["clientId required", "clientSecret required"] },
        {
            ["authorizationEndpoint=http://provider.example.com/authorize", "tokenEndpoint=ftp://provider.example.com/token", "clientSecret=", "grantType=password", "customConfig.state=x"],
            ["authorizationEndpoint insecure_url", "clientSecret required", "customConfig.state reserved_parameter", "grantType unsupported_value", "tokenEndpoint invalid_url"]
        },
        {
            ["customConfig.state=x", "customConfig.redirectUri=https://evil.example", "customConfig.prompt=consent"],
            ["customConfig.redirectUri reserved_parameter", "customConfig.state reserved_parameter"]
        },
        {
            ["profileMap.id=a..b", "profileMap.name=a..b", "profileMap.avatar=a..b", "profileMap.email=a..b", "profileMap.phone=a..b"],
            ["profileMap.avatar invalid_path", "profileMap.email invalid_path", "profileMap.id invalid_path", "profileMap.name invalid_path", "profileMap.phone invalid_path"]
        },
    };

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
    [MemberData(nameof(OneBadValue))]
    public void Validate_WithOneBadValue_ReportsThatFieldAloneWithItsCode(string field, string value, bool insecureAllowed, string code)
    {
        var config = With($"{field}={value}");

        var result = Validator(insecureAllowed).Validate(config);

        var error = Assert.Single(result.Errors);
        Assert.Equal((field, code), (error.PropertyName, error.ErrorCode));
    }

    [Theory]
    [MemberData(nameof(StillValid))]
    public void Validate_WithAcceptedValues_Passes(bool insecureAllowed, string[] changes)
    {
        var config = With(changes);

        var result = Validator(insecureAllowed).Validate(config);

        Assert.True(result.IsValid, Describe(result));
    }

    [Theory]
    [MemberData(nameof(SeveralBadValues))]
    public void Validate_WithSeveralBadValues_ReportsEachWithItsOwnCode(string[] changes, string[] expected)
    {
        var result = _strict.Validate(With(changes));

        Assert.Equal(expected, result.Errors.Select(e => $"{e.PropertyName} {e.ErrorCode}").Order(StringComparer.Ordinal));
    }

    private static OAuth2ConnectorConfig Valid() => new()
    {
        AuthorizationEndpoint = "https://provider.example.com/oauth/authorize",
        TokenEndpoint = "https://provider.example.com/oauth/token",
        UserInfoEndpoint = "https://api.provider.example.com/user",
        ClientId = "client-id",
        ClientSecret = "client-secret",
    };

    /// <summary>The valid config with each change (<c>field=value</c>; <c>customConfig.key</c> and <c>profileMap.field</c> reach inside).</summary>
    private static OAuth2ConnectorConfig With(params string[] changes) => changes.Aggregate(Valid(), (config, change) =>
    {
        var (field, value) = change.Split('=', 2) is [var name, var text] ? (name, text) : throw new ArgumentException("Not field=value: " + change);
        return field switch
        {
            "authorizationEndpoint" => config with { AuthorizationEndpoint = value },
            "tokenEndpoint" => config with { TokenEndpoint = value },
            "userInfoEndpoint" => config with { UserInfoEndpoint = value },
            "clientId" => config with { ClientId = value },
            "clientSecret" => config with { ClientSecret = value },
            "tokenEndpointAuthMethod" => config with { TokenEndpointAuthMethod = value },
            "clientSecretJwtSigningAlgorithm" => config with { ClientSecretJwtSigningAlgorithm = value },
            "tokenEndpointResponseType" => config with { TokenEndpointResponseType = value },
            "responseType" => config with { ResponseType = value },
            "grantType" => config with { GrantType = value },
            "responseMode" => config with { ResponseMode = value },
            _ when field.StartsWith("customConfig.", StringComparison.Ordinal) => config with
            {
                CustomConfig = new Dictionary<string, string>(config.CustomConfig ?? new Dictionary<string, string>()) { [field["customConfig.".Length..]] = value },
            },
            "profileMap.id" => config with { ProfileMap = (config.ProfileMap ?? new()) with { Id = value } },
            "profileMap.name" => config with { ProfileMap = (config.ProfileMap ?? new()) with { Name = value } },
            "profileMap.avatar" => config with { ProfileMap = (config.ProfileMap ?? new()) with { Avatar = value } },
            "profileMap.email" => config with { ProfileMap = (config.ProfileMap ?? new()) with { Email = value } },
            "profileMap.phone" => config with { ProfileMap = (config.ProfileMap ?? new()) with { Phone = value } },
            _ => throw new ArgumentOutOfRangeException(nameof(changes), field, null),
        };
    });

    private static OAuth2ConnectorConfig LoadLogtoExport()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "configs", "logto-oauth2.json");
        return JsonSerializer.Deserialize<OAuth2ConnectorConfig>(File.ReadAllText(path), LogtoJson)!;
    }

    private OAuth2ConnectorConfigValidator Validator(bool insecureAllowed) => insecureAllowed ? _insecureAllowed : _strict;

    private static string Describe(ValidationResult result) =>
        string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorCode} ({e.ErrorMessage})"));
}
