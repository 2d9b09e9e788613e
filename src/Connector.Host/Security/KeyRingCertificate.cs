using System.Security.Cryptography.X509Certificates;
using Connector.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Connector.Host.Security;

/// <summary>
/// The certificate whose RSA key encrypts each Data Protection key's secret before it is stored (XML Encryption, as
/// <c>ProtectKeysWithCertificate</c> does), loaded once from <c>Connectors:DataProtection:CertificatePath</c>. Without
/// it the ring's master keys sit in <c>data_protection_keys</c> as plain base64.
/// </summary>
internal sealed class KeyRingCertificate(IOptions<ConnectorsOptions> options)
{
    private readonly Lazy<X509Certificate2?> _certificate = new(() => Load(options.Value.DataProtection));

    public X509Certificate2? Certificate => _certificate.Value;

    private static X509Certificate2? Load(KeyRingOptions keyRing)
    {
        if (string.IsNullOrWhiteSpace(keyRing.CertificatePath))
        {
            return null;
        }

        // Ephemeral: the private key stays in this process, not in a key store on disk.
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(keyRing.CertificatePath, keyRing.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        using var key = certificate.GetRSAPrivateKey();
        return key is null
            ? throw new InvalidOperationException($"The key ring certificate {keyRing.CertificatePath} has no RSA private key: XML Encryption of the keys needs one.")
            : certificate;
    }
}
