using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Tokens;

namespace Connector.Host.Oidc.Keys;

/// <summary>
/// Makes new keys and turns stored ones back into credentials. Private keys are PKCS#8 (or raw bytes for
/// AES), protected with Data Protection under a purpose that includes the key id, so a ciphertext copied
/// onto another row does not decrypt there.
/// </summary>
internal sealed class OidcKeyMaterial(IDataProtectionProvider provider)
{
    public const string Purpose = "Connectors.OidcKey.v1";

    public OidcKeyRow Create(string algorithm, DateTimeOffset now, DateTimeOffset notBefore)
    {
        var kid = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12));
        byte[] secret = algorithm switch
        {
            OidcKeyAlgorithms.Es384 => ExportEcdsa(),
            OidcKeyAlgorithms.Rs256 => ExportRsa(),
            OidcKeyAlgorithms.A256Kw => RandomNumberGenerator.GetBytes(32),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown key algorithm."),
        };

        return new OidcKeyRow
        {
            Kid = kid,
            Algorithm = algorithm,
            PrivateKeyProtected = Protector(kid).Protect(Convert.ToBase64String(secret)),
            CreatedAt = now.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
        };
    }

    public SigningCredentials Signing(OidcKeyRow row)
    {
        var secret = Unprotect(row);
        switch (row.Algorithm)
        {
            case OidcKeyAlgorithms.Es384:
                var ecdsa = ECDsa.Create();
                ecdsa.ImportPkcs8PrivateKey(secret, out _);
                // An ECDsaSecurityKey with an explicit ES384 credential: AddSigningKey would publish a P-384 key as ES256.
                return new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = row.Kid }, SecurityAlgorithms.EcdsaSha384);
            case OidcKeyAlgorithms.Rs256:
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(secret, out _);
                return new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = row.Kid }, SecurityAlgorithms.RsaSha256);
            default:
                throw new InvalidOperationException($"Key {row.Kid} ({row.Algorithm}) is not a signing key.");
        }
    }

    public EncryptingCredentials Encrypting(OidcKeyRow row) =>
        row.Algorithm == OidcKeyAlgorithms.A256Kw
            ? new EncryptingCredentials(new SymmetricSecurityKey(Unprotect(row)) { KeyId = row.Kid }, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512)
            : throw new InvalidOperationException($"Key {row.Kid} ({row.Algorithm}) is not an encryption key.");

    private static byte[] ExportEcdsa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        return key.ExportPkcs8PrivateKey();
    }

    private static byte[] ExportRsa()
    {
        using var key = RSA.Create(2048);
        return key.ExportPkcs8PrivateKey();
    }

    private byte[] Unprotect(OidcKeyRow row) => Convert.FromBase64String(Protector(row.Kid).Unprotect(row.PrivateKeyProtected));

    private IDataProtector Protector(string kid) => provider.CreateProtector(Purpose, kid);
}
