using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Connector.Host.Security;

/// <summary>
/// Encrypts a key's secret to the key ring certificate (W3C XML Encryption, the stock <see cref="CertificateXmlEncryptor"/>)
/// and names <see cref="KeyRingXmlDecryptor"/> as the way back, so decryption takes the certificate from our own
/// configuration rather than from an X.509 store, which Linux hosts do not have.
/// </summary>
internal sealed class KeyRingXmlEncryptor(CertificateXmlEncryptor inner) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(inner.Encrypt(plaintextElement).EncryptedElement, typeof(KeyRingXmlDecryptor));
}

/// <summary>
/// Decrypts what <see cref="KeyRingXmlEncryptor"/> wrote with the private key of the configured certificate. Data
/// Protection creates it by type name with the service provider (its <c>IActivator</c> contract).
/// </summary>
internal sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var certificate = services.GetRequiredService<KeyRingCertificate>().Certificate
            ?? throw new CryptographicException("A Data Protection key is encrypted to a certificate, but Connectors:DataProtection:CertificatePath is not set.");

        var document = new XmlDocument { PreserveWhitespace = true };
        using (var reader = encryptedElement.CreateReader())
        {
            document.Load(reader);
        }

        using var key = certificate.GetRSAPrivateKey()!;
        new EncryptedXmlWithKey(document, key).DecryptDocument();
        return XElement.Load(new XmlNodeReader(document));
    }

    /// <summary>Unwraps the session key with the given RSA key instead of searching the machine's certificate stores.</summary>
    private sealed class EncryptedXmlWithKey(XmlDocument document, RSA key) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey) =>
            encryptedKey.CipherData.CipherValue is { } wrapped
                ? DecryptKey(wrapped, key, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl)
                : null;
    }
}
