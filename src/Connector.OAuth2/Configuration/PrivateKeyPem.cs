using System.Security.Cryptography;

namespace Connector.OAuth2.Configuration;

/// <summary>
/// Reads a PEM private key for a JWS algorithm and says what is wrong with it. PKCS#8 (<c>PRIVATE KEY</c>, Apple's
/// <c>.p8</c>), SEC 1 (<c>EC PRIVATE KEY</c>) and PKCS#1 (<c>RSA PRIVATE KEY</c>) are read; an encrypted key or a
/// public key is not a usable private key.
/// </summary>
internal static class PrivateKeyPem
{
    private static readonly string[] PrivateKeyLabels = ["PRIVATE KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY"];

    /// <summary>RFC 7518 §3.3: an RS256 key must be at least 2048 bits.</summary>
    public const int MinRsaBits = 2048;

    /// <summary>Null when <paramref name="pem"/> is a private key fit for <paramref name="algorithm"/>, else a <see cref="ValidationCodes"/> code.</summary>
    public static string? Check(string pem, string algorithm)
    {
        if (!HasPrivateKeyLabel(pem))
        {
            return ValidationCodes.InvalidPrivateKey;
        }

        using var key = TryOpen(pem, algorithm);
        if (key is null)
        {
            using var other = TryOpen(pem, algorithm == ClientAssertionAlgorithms.ES256 ? ClientAssertionAlgorithms.RS256 : ClientAssertionAlgorithms.ES256);
            return other is null ? ValidationCodes.InvalidPrivateKey : ValidationCodes.KeyTypeMismatch;
        }

        return key switch
        {
            // RFC 7518 §3.4: ES256 is ECDSA over P-256 and nothing else.
            ECDsa ec when ec.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value => ValidationCodes.UnsupportedKey,
            RSA rsa when rsa.KeySize < MinRsaBits => ValidationCodes.UnsupportedKey,
            _ => null,
        };
    }

    /// <summary>The key for signing; the validator has checked it, so a failure here is a bug.</summary>
    public static AsymmetricAlgorithm Open(string pem, string algorithm) =>
        TryOpen(pem, algorithm) ?? throw new InvalidOperationException($"The configured private key is not an {algorithm} key; the validator admits none such.");

    private static AsymmetricAlgorithm? TryOpen(string pem, string algorithm)
    {
        AsymmetricAlgorithm key = algorithm == ClientAssertionAlgorithms.ES256 ? ECDsa.Create() : RSA.Create();
        try
        {
            key.ImportFromPem(pem);
            // ImportFromPem also takes a public key; only a private one can sign.
            _ = key is ECDsa ec ? ec.ExportParameters(true).D : ((RSA)key).ExportParameters(true).D;
            return key;
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            key.Dispose();
            return null;
        }
    }

    private static bool HasPrivateKeyLabel(string pem)
    {
        if (string.IsNullOrWhiteSpace(pem) || !PemEncoding.TryFind(pem, out var fields))
        {
            return false;
        }

        return PrivateKeyLabels.Contains(pem[fields.Label]);
    }
}
