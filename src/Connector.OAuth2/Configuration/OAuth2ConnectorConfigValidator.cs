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
        Endpoint(x => x.UserInfoEndpoint, "userInfoEndpoint", allowInsecureEndpoints);

        Required(x => x.ClientId, "clientId");
        Required(x => x.ClientSecret, "clientSecret");

        OneOf(x => x.TokenEndpointAuthMethod, "tokenEndpointAuthMethod", TokenEndpointAuthMethods.All);
        OneOf(x => x.ClientSecretJwtSigningAlgorithm, "clientSecretJwtSigningAlgorithm", ClientSecretJwtAlgorithms.All);
        OneOf(x => x.ResponseType, "responseType", ["code"]);
        OneOf(x => x.GrantType, "grantType", ["authorization_code"]);
        RuleFor(x => x.TokenEndpointResponseType)
            .Must(value => value is null || TokenResponseTypes.All.Contains(value))
            .OverridePropertyName("tokenEndpointResponseType")
            .WithErrorCode(ValidationCodes.UnsupportedValue)
            .WithMessage($"Must be one of: {string.Join(", ", TokenResponseTypes.All)}, or absent to detect from the Content-Type.");

        RuleFor(x => x.CustomConfig).Custom((parameters, context) => CheckParameters(parameters, "customConfig", context));
        RuleFor(x => x.ProfileMap).Custom(CheckProfileMap);
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
    internal static void CheckParameters<T>(IReadOnlyDictionary<string, string>? parameters, string path, ValidationContext<T> context)
    {
        if (parameters is null)
        {
            return;
        }

        foreach (var (key, value) in parameters)
        {
            var name = ParameterNames.ToSnakeCase(key);
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
    }

    private static void CheckPath(string? path, string field, ValidationContext<OAuth2ConnectorConfig> context)
    {
        if (path is not null && !Profiles.ProfilePath.IsValid(path))
        {
            Fail(context, field, ValidationCodes.InvalidPath, "Must be a dot path such as 'data.user.id' or 'emails.0.value'.");
        }
    }

    // BuildPropertyPath keeps a parent's prefix when this validator is nested (the admin API reports config.tokenEndpoint).
    private static void Fail<T>(ValidationContext<T> context, string path, string code, string message) =>
        context.AddFailure(new ValidationFailure(context.PropertyChain.BuildPropertyPath(path), message) { ErrorCode = code });
}
