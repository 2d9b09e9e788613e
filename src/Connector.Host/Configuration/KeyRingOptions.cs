namespace Connector.Host.Configuration;

/// <summary>
/// <c>Connectors:DataProtection</c>: the certificate that encrypts the Data Protection key ring kept in PostgreSQL.
/// The ring protects connector secrets, the OIDC signing keys and every cookie; without the certificate a database
/// dump opens all of them (<c>docs/security.md</c>).
/// </summary>
internal sealed class KeyRingOptions
{
    /// <summary>A PKCS#12 file (<c>.pfx</c>) with an RSA key; <c>scripts/run.sh</c> makes one under <c>.data/</c>.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Outside Development the host refuses to start without a certificate unless this is set, on purpose.</summary>
    public bool AllowUnencryptedKeys { get; set; }
}
