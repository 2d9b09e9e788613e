using Microsoft.AspNetCore.DataProtection;

namespace Connector.Host.Security;

/// <summary>
/// Encrypts a connector's client credentials (its client secret, and the private keys of <c>signedClientSecret</c> and
/// <c>clientAssertionKey</c>) with ASP.NET Core Data Protection. The connector id is part of the purpose, so a protected
/// secret copied onto another connector's row does not decrypt there; a key's field is too, so the two keys cannot swap.
/// </summary>
internal sealed class ClientSecretProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "Connectors.ClientSecret.v1";
    public const string PrivateKeyPurpose = "Connectors.PrivateKey.v1";

    public string Protect(string connectorId, string secret) => Protector(connectorId).Protect(secret);

    public string Unprotect(string connectorId, string protectedSecret) => Protector(connectorId).Unprotect(protectedSecret);

    /// <param name="field">The config path of the key (<c>clientAssertionKey.privateKey</c>), part of the purpose.</param>
    public string ProtectPrivateKey(string connectorId, string field, string pem) => KeyProtector(connectorId, field).Protect(pem);

    public string UnprotectPrivateKey(string connectorId, string field, string protectedPem) => KeyProtector(connectorId, field).Unprotect(protectedPem);

    private IDataProtector Protector(string connectorId) => provider.CreateProtector(Purpose, connectorId);

    private IDataProtector KeyProtector(string connectorId, string field) => provider.CreateProtector(PrivateKeyPurpose, connectorId, field);
}
