using FluentValidation;
using FluentValidation.Results;

namespace Connector.OAuth2.Configuration;

/// <summary>The rules of <see cref="SignedClientSecret"/>; nested in the connector's validator, so paths read <c>signedClientSecret.privateKey</c>.</summary>
internal sealed class SignedClientSecretValidator : AbstractValidator<SignedClientSecret>
{
    public SignedClientSecretValidator()
    {
        RuleFor(x => x).Custom((secret, context) =>
        {
            if (secret.Algorithm != SignedClientSecretRules.ES256)
            {
                Fail(context, "algorithm", ValidationCodes.UnsupportedValue, $"Must be {SignedClientSecretRules.ES256}.");
            }

            Required(context, secret.KeyId, "keyId", "the kid of the key at the provider");
            Required(context, secret.Issuer, "issuer", "the iss claim (Apple: the Team ID)");
            Required(context, secret.Audience, "audience", "the aud claim (Apple: https://appleid.apple.com)");
            PrivateKeyRules.Check(context, secret.PrivateKey, SignedClientSecretRules.ES256, "privateKey");

            if (secret.LifetimeSeconds is < SignedClientSecretRules.MinLifetimeSeconds or > SignedClientSecretRules.MaxLifetimeSeconds)
            {
                Fail(context, "lifetimeSeconds", ValidationCodes.UnsupportedValue,
                    $"Must be between {SignedClientSecretRules.MinLifetimeSeconds} and {SignedClientSecretRules.MaxLifetimeSeconds} seconds; a secret is made for each token request.");
            }
        });
    }

    private static void Required(ValidationContext<SignedClientSecret> context, string value, string path, string meaning)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(context, path, ValidationCodes.Required, $"Required: {meaning}.");
        }
    }

    private static void Fail(ValidationContext<SignedClientSecret> context, string path, string code, string message) =>
        context.AddFailure(new ValidationFailure(context.PropertyChain.BuildPropertyPath(path), message) { ErrorCode = code });
}
