using System.Security.Claims;

namespace Connector.Host.AdminApi;

internal static class AdminActor
{
    /// <summary>Who made an admin change, as the audit trail names it (a key fingerprint, never the key).</summary>
    public static string Of(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
