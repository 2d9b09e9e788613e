using FluentValidation;
using FluentValidation.Results;

namespace Connector.OAuth2.Configuration;

/// <summary>The rules of <see cref="IdTokenVerificationConfig"/>; nested in the connector's validator, so paths read <c>idTokenVerificationConfig.jwksUri</c>.</summary>
internal sealed class IdTokenVerificationConfigValidator : AbstractValidator<IdTokenVerificationConfig>
{
    public IdTokenVerificationConfigValidator(bool allowInsecureEndpoints)
    {
        // The keys are fetched by the service like the token endpoint, so the same URL rules hold.
        RuleFor(x => x.JwksUri).Custom((url, context) =>
        {
            if (EndpointRules.Check(url, allowInsecureEndpoints) is { } code)
            {
                Fail(context, "jwksUri", code, code == ValidationCodes.Required ? "Required." : "Must be an https URL like the other endpoints.");
            }
        });

        // Logto lets the issuer be left out; an unchecked iss would accept any issuer's token signed by these keys.
        RuleFor(x => x.Issuer).Custom((issuer, context) =>
        {
            if (string.IsNullOrWhiteSpace(issuer))
            {
                Fail(context, "issuer", ValidationCodes.Required, "Required: the iss every ID token must carry.");
            }
        });

        RuleFor(x => x.Audience).Custom((audience, context) =>
        {
            if (audience is not null && string.IsNullOrWhiteSpace(audience))
            {
                Fail(context, "audience", ValidationCodes.Required, "Leave it out for the client id, or name the audience.");
            }
        });

        RuleFor(x => x.Algorithms).Custom((algorithms, context) =>
        {
            if (algorithms is null)
            {
                return;
            }

            if (algorithms.Count == 0)
            {
                Fail(context, "algorithms", ValidationCodes.Required, "Leave it out for the default list, or name at least one algorithm.");
            }

            foreach (var algorithm in algorithms.Where(a => !IdTokenAlgorithms.Supported.Contains(a)))
            {
                Fail(context, "algorithms", ValidationCodes.UnsupportedValue,
                    $"'{algorithm}' is not accepted; allowed: {string.Join(", ", IdTokenAlgorithms.Supported)} (never none or HMAC).");
            }
        });

        RuleFor(x => x.ClockTolerance).Custom((seconds, context) =>
        {
            if (seconds is < 0 or > IdTokenAlgorithms.MaxClockToleranceSeconds)
            {
                Fail(context, "clockTolerance", ValidationCodes.UnsupportedValue,
                    $"Must be between 0 and {IdTokenAlgorithms.MaxClockToleranceSeconds} seconds.");
            }
        });
    }

    private static void Fail(ValidationContext<IdTokenVerificationConfig> context, string path, string code, string message) =>
        context.AddFailure(new ValidationFailure(context.PropertyChain.BuildPropertyPath(path), message) { ErrorCode = code });
}
