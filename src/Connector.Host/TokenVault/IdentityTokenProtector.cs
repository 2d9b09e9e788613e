using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Connector.Host.TokenVault;

/// <summary>
/// Encrypts the provider's tokens with ASP.NET Core Data Protection. The identity and the kind of token are part of the
/// purpose, so a protected value copied onto another identity's row, or from the refresh column into the access
/// column, does not decrypt there.
/// </summary>
internal sealed class IdentityTokenProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "Connectors.IdentityTokens.v1";

    public string Protect(long identityId, string kind, string token) => Protector(identityId, kind).Protect(token);

    public string Unprotect(long identityId, string kind, string protectedToken) => Protector(identityId, kind).Unprotect(protectedToken);

    private IDataProtector Protector(long identityId, string kind) =>
        provider.CreateProtector(Purpose, identityId.ToString(CultureInfo.InvariantCulture), kind);
}

/// <summary>The kinds of token the vault keeps, each its own Data Protection sub-purpose.</summary>
internal static class IdentityTokenKinds
{
    public const string Access = "access";
    public const string Refresh = "refresh";
    public const string Id = "id";
}
