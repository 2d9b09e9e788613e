using FluentValidation;
using FluentValidation.Results;

namespace Connector.OAuth2.Configuration;

/// <summary>
/// Checks every field of a connector config and reports all problems at once, each with its field
/// path (<c>customConfig.state</c>) and a code from <see cref="ValidationCodes"/>.
/// </summary>
public sealed class OAuth2ConnectorConfigValidator : AbstractValidator<OAuth2ConnectorConfig>
{
    public OAuth2ConnectorConfigValidator(bool allowInsecureEndpoints)
    {
        Endpoint(x => x.AuthorizationEndpoint, "authorizationEndpoint", allowInsecureEndpoints);
        Endpoint(x => x.TokenEndpoint, "tokenEndpoint", allowInsecureEndpoints);
        // With a verified ID token the profile can come from its claims alone (OpenID Connect Core 1.0 §2), so userinfo is optional.
        When(x => x.IdTokenVerificationConfig is null || !string.IsNullOrEmpty(x.UserInfoEndpoint),
            () => Endpoint(x => x.UserInfoEndpoint, "userInfoEndpoint", allowInsecureEndpoints));

        Required(x => x.ClientId, "clientId");
        // A key pair or a JWT made from a key replaces the shared secret (RFC 7523 §2.2; Apple's signed client secret).
        When(x => x.TokenEndpointAuthMethod != TokenEndpointAuthMethods.PrivateKeyJwt && x.SignedClientSecret is null,
            () => Required(x => x.ClientSecret, "clientSecret"));

        OneOf(x => x.TokenEndpointAuthMethod, "tokenEndpointAuthMethod", TokenEndpointAuthMethods.All);
        OneOf(x => x.ClientSecretJwtSigningAlgorithm, "clientSecretJwtSigningAlgorithm", ClientSecretJwtAlgorithms.All);
        OneOf(x => x.ResponseType, "responseType", ["code"]);
        OneOf(x => x.GrantType, "grantType", ["authorization_code"]);
        OneOf(x => x.ResponseMode, "responseMode", ResponseModes.All);
        RuleFor(x => x.TokenEndpointResponseType)
            .Must(value => value is null || TokenResponseTypes.All.Contains(value))
            .OverridePropertyName("tokenEndpointResponseType")
            .WithErrorCode(ValidationCodes.UnsupportedValue)
            .WithMessage($"Must be one of: {string.Join(", ", TokenResponseTypes.All)}, or absent to detect from the Content-Type.");

        RuleFor(x => x.CustomConfig).Custom((parameters, context) => CheckParameters(parameters, "customConfig", context, snakeCase: true));
        RuleFor(x => x.AuthorizationParams).Custom((parameters, context) => CheckParameters(parameters, "authorizationParams", context, snakeCase: false));
        RuleFor(x => x.TokenParams).Custom((parameters, context) => CheckParameters(parameters, "tokenParams", context, snakeCase: false));
        OneOf(x => x.UserInfoMethod, "userInfoMethod", ["GET", "POST"]);
        RuleFor(x => x.UserInfoHeaders).Custom(CheckHeaders);
        RuleFor(x => x.EmailLookup).Custom((lookup, context) => CheckEmailLookup(lookup, context, allowInsecureEndpoints));
        RuleFor(x => x.ProfileMap).Custom(CheckProfileMap);
        RuleFor(x => x.IdTokenVerificationConfig!)
            .SetValidator(new IdTokenVerificationConfigValidator(allowInsecureEndpoints))
            .OverridePropertyName("idTokenVerificationConfig")
            .When(x => x.IdTokenVerificationConfig is not null);
        RuleFor(x => x.SignedClientSecret!)
            .SetValidator(new SignedClientSecretValidator())
            .OverridePropertyName("signedClientSecret")
            .When(x => x.SignedClientSecret is not null);
        RuleFor(x => x.ClientAssertionKey!)
            .SetValidator(new ClientAssertionKeyValidator())
            .OverridePropertyName("clientAssertionKey")
            .When(x => x.ClientAssertionKey is not null);
        RuleFor(x => x).Custom(CheckKeyUse);
    }

    /// <summary>Each key belongs to a method: the assertion key to <c>private_key_jwt</c>, the signed secret to those that send a secret.</summary>
    private static void CheckKeyUse(OAuth2ConnectorConfig config, ValidationContext<OAuth2ConnectorConfig> context)
    {
        if (config.TokenEndpointAuthMethod == TokenEndpointAuthMethods.PrivateKeyJwt && config.ClientAssertionKey is null)
        {
            Fail(context, "clientAssertionKey", ValidationCodes.Required, "Required with private_key_jwt: { privateKey, keyId, algorithm }.");
        }

        if (config.SignedClientSecret is not null && !TokenEndpointAuthMethods.SendingTheSecret.Contains(config.TokenEndpointAuthMethod))
        {
            Fail(context, "signedClientSecret", ValidationCodes.UnsupportedValue,
                $"A signed client secret is sent as client_secret, so only with {string.Join(" or ", TokenEndpointAuthMethods.SendingTheSecret)}.");
        }
    }

    private void Endpoint(System.Linq.Expressions.Expression<Func<OAuth2ConnectorConfig, string>> field, string path, bool allowInsecure) =>
        RuleFor(field).Custom((url, context) =>
        {
            switch (EndpointRules.Check(url, allowInsecure))
            {
                case ValidationCodes.Required:
                    Fail(context, path, ValidationCodes.Required, "Required.");
                    break;
                case ValidationCodes.InvalidUrl:
                    Fail(context, path, ValidationCodes.InvalidUrl, "Must be an absolute http(s) URL without credentials or fragment.");
                    break;
                case ValidationCodes.InsecureUrl:
                    Fail(context, path, ValidationCodes.InsecureUrl, allowInsecure
                        ? "Must use https; http is allowed only to a loopback host."
                        : "Must use https.");
                    break;
            }
        });

    private void Required(System.Linq.Expressions.Expression<Func<OAuth2ConnectorConfig, string>> field, string path) =>
        RuleFor(field).NotEmpty().OverridePropertyName(path).WithErrorCode(ValidationCodes.Required).WithMessage("Required.");

    private void OneOf(System.Linq.Expressions.Expression<Func<OAuth2ConnectorConfig, string>> field, string path, IReadOnlyList<string> allowed) =>
        RuleFor(field)
            .Must(allowed.Contains)
            .OverridePropertyName(path)
            .WithErrorCode(ValidationCodes.UnsupportedValue)
            .WithMessage($"Must be one of: {string.Join(", ", allowed)}.");

    /// <summary>Checks a parameter map: names must be usable and not replace a protocol parameter.</summary>
    private static void CheckParameters<T>(IReadOnlyDictionary<string, string>? parameters, string path, ValidationContext<T> context, bool snakeCase)
    {
        if (parameters is null)
        {
            return;
        }

        foreach (var (key, value) in parameters)
        {
            var name = snakeCase ? ParameterNames.ToSnakeCase(key) : key;
            if (ReservedParameters.Names.Contains(name) || ReservedParameters.Names.Contains(key))
            {
                Fail(context, $"{path}.{key}", ValidationCodes.ReservedParameter,
                    $"'{name}' is set by the connector itself and cannot be overridden.");
            }
            else if (string.IsNullOrWhiteSpace(key) || value is null)
            {
                Fail(context, $"{path}.{key}", ValidationCodes.InvalidParameter, "Names must be non-empty and values strings.");
            }
        }
    }

    private static void CheckHeaders(IReadOnlyDictionary<string, string>? headers, ValidationContext<OAuth2ConnectorConfig> context)
    {
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            switch (UserInfoHeaderRules.Check(name, value))
            {
                case ValidationCodes.ReservedParameter:
                    Fail(context, $"userInfoHeaders.{name}", ValidationCodes.ReservedParameter, $"'{name}' is set by the connector itself.");
                    break;
                case ValidationCodes.InvalidParameter:
                    Fail(context, $"userInfoHeaders.{name}", ValidationCodes.InvalidParameter, "Must be a valid header name with a single-line value.");
                    break;
            }
        }
    }

    private static void CheckEmailLookup(EmailLookup? lookup, ValidationContext<OAuth2ConnectorConfig> context, bool allowInsecure)
    {
        if (lookup is null)
        {
            return;
        }

        if (EndpointRules.Check(lookup.Endpoint, allowInsecure) is { } code)
        {
            Fail(context, "emailLookup.endpoint", code, code == ValidationCodes.Required ? "Required." : "Must be an https URL like the other endpoints.");
        }

        CheckPath(lookup.EmailPath, "emailLookup.emailPath", context);
        CheckPath(lookup.PrimaryPath, "emailLookup.primaryPath", context);
        CheckPath(lookup.VerifiedPath, "emailLookup.verifiedPath", context);
    }

    private static void CheckProfileMap(ProfileMap? map, ValidationContext<OAuth2ConnectorConfig> context)
    {
        if (map is null)
        {
            return;
        }

        CheckPath(map.Id, "profileMap.id", context);
        CheckPath(map.Name, "profileMap.name", context);
        CheckPath(map.Avatar, "profileMap.avatar", context);
        CheckPath(map.Email, "profileMap.email", context);
        CheckPath(map.Phone, "profileMap.phone", context);
        CheckPath(map.EmailVerified, "profileMap.emailVerified", context);
    }

    private static void CheckPath(string? path, string field, ValidationContext<OAuth2ConnectorConfig> context)
    {
        if (!string.IsNullOrWhiteSpace(path) && !Profiles.ProfileExpression.TryParse(path, out _))
        {
            Fail(context, field, ValidationCodes.InvalidPath,
                "Must be a dot path such as 'data.user.id' or 'emails.0.value', optionally with fallbacks (a|b), quoted keys ([\"a.b\"]) or a template ('https://x/{id}').");
        }
    }

    // BuildPropertyPath keeps a parent's prefix when this validator is nested (the admin API reports config.tokenEndpoint).
    private static void Fail<T>(ValidationContext<T> context, string path, string code, string message) =>
        context.AddFailure(new ValidationFailure(context.PropertyChain.BuildPropertyPath(path), message) { ErrorCode = code });
}
