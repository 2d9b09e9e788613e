using FluentValidation;
using FluentValidation.Results;

namespace Connector.OAuth2.Configuration;

/// <summary>The rules of <see cref="ClientAssertionKey"/>; nested in the connector's validator, so paths read <c>clientAssertionKey.privateKey</c>.</summary>
internal sealed class ClientAssertionKeyValidator : AbstractValidator<ClientAssertionKey>
{
    public ClientAssertionKeyValidator()
    {
        RuleFor(x => x).Custom((key, context) =>
        {
            if (string.IsNullOrWhiteSpace(key.KeyId))
            {
                Fail(context, "keyId", ValidationCodes.Required, "Required: the kid the provider knows this key by.");
            }

            if (!ClientAssertionAlgorithms.All.Contains(key.Algorithm))
            {
                Fail(context, "algorithm", string.IsNullOrEmpty(key.Algorithm) ? ValidationCodes.Required : ValidationCodes.UnsupportedValue,
                    $"Must be one of: {string.Join(", ", ClientAssertionAlgorithms.All)}.");
                if (string.IsNullOrWhiteSpace(key.PrivateKey))
                {
                    Fail(context, "privateKey", ValidationCodes.Required, "Required: the PEM private key.");
                }

                return;
            }

            PrivateKeyRules.Check(context, key.PrivateKey, key.Algorithm, "privateKey");
        });
    }

    private static void Fail(ValidationContext<ClientAssertionKey> context, string path, string code, string message) =>
        context.AddFailure(new ValidationFailure(context.PropertyChain.BuildPropertyPath(path), message) { ErrorCode = code });
}
