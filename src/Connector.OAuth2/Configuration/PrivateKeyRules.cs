using FluentValidation;
using FluentValidation.Results;

namespace Connector.OAuth2.Configuration;

/// <summary>One wording for a private key field's failures, shared by <see cref="SignedClientSecret"/> and <see cref="ClientAssertionKey"/>.</summary>
internal static class PrivateKeyRules
{
    public static void Check<T>(ValidationContext<T> context, string pem, string algorithm, string path)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            Fail(context, path, ValidationCodes.Required, "Required: the PEM private key.");
            return;
        }

        var code = PrivateKeyPem.Check(pem, algorithm);
        var message = code switch
        {
            ValidationCodes.InvalidPrivateKey => "Must be one unencrypted PEM private key (-----BEGIN PRIVATE KEY-----, as in a .p8 file).",
            ValidationCodes.KeyTypeMismatch => algorithm == ClientAssertionAlgorithms.ES256
                ? "ES256 needs an EC (P-256) key; this is an RSA key."
                : "RS256 needs an RSA key; this is an EC key.",
            ValidationCodes.UnsupportedKey => algorithm == ClientAssertionAlgorithms.ES256
                ? "ES256 needs a key on the P-256 curve."
                : $"RS256 needs an RSA key of at least {PrivateKeyPem.MinRsaBits} bits.",
            _ => null,
        };
        if (code is not null)
        {
            Fail(context, path, code, message!);
        }
    }

    // The key itself never goes into a message: validation answers are returned and may be logged.
    private static void Fail<T>(ValidationContext<T> context, string path, string code, string message) =>
        context.AddFailure(new ValidationFailure(context.PropertyChain.BuildPropertyPath(path), message) { ErrorCode = code });
}
