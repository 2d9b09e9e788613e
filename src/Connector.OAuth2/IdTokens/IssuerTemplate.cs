using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Connector.OAuth2.IdTokens;

/// <summary>
/// Microsoft's multi-tenant endpoints publish the issuer <c>https://login.microsoftonline.com/{tenantid}/v2.0</c>: every
/// tenant signs with the same keys under its own issuer, and the token says which tenant in <c>tid</c>. The expected
/// issuer is the template filled with that claim, so the token's <c>iss</c> must still name the tenant it claims.
/// </summary>
internal static partial class IssuerTemplate
{
    public const string TenantPlaceholder = "{tenantid}";

    /// <summary>The issuer the token must carry; null (so no issuer passes) when the template needs a tenant the token does not name.</summary>
    public static string? Expected(string configured, JsonWebToken token)
    {
        if (!configured.Contains(TenantPlaceholder, StringComparison.Ordinal))
        {
            return configured;
        }

        return token.TryGetPayloadValue<string>("tid", out var tenant) && tenant is not null && TenantId().IsMatch(tenant)
            ? configured.Replace(TenantPlaceholder, tenant, StringComparison.Ordinal)
            : null;
    }

    // Tenant ids are GUIDs; anything that could add a path segment or a query is refused.
    [GeneratedRegex("^[0-9A-Za-z-]{1,64}$")]
    private static partial Regex TenantId();
}
