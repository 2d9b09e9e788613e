using Microsoft.AspNetCore.DataProtection;

namespace Connector.Host.Security;

/// <summary>
/// Encrypts connector client secrets with ASP.NET Core Data Protection. The connector id is part of the
/// purpose, so a protected secret copied onto another connector's row does not decrypt there.
/// </summary>
internal sealed class ClientSecretProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "Connectors.ClientSecret.v1";

    public string Protect(string connectorId, string secret) => Protector(connectorId).Protect(secret);

    public string Unprotect(string connectorId, string protectedSecret) => Protector(connectorId).Unprotect(protectedSecret);

    private IDataProtector Protector(string connectorId) => provider.CreateProtector(Purpose, connectorId);
}
