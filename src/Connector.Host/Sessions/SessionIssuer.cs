using System.Security.Claims;
using Connector.Host.Security;
using Microsoft.AspNetCore.Authentication;

namespace Connector.Host.Sessions;

/// <summary>Starts and ends the end user's session cookie (see <see cref="SessionDefaults"/>).</summary>
internal static class SessionIssuer
{
    public static Task SignInAsync(HttpContext context, Guid userId, string connectorId)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(SessionDefaults.UserIdClaim, userId.ToString()),
                new Claim(SessionDefaults.ConnectorClaim, connectorId),
                new Claim(SessionDefaults.SessionIdClaim, Secrets.NewRandom()),
            ],
            SessionDefaults.Scheme,
            nameType: SessionDefaults.UserIdClaim,
            roleType: null);
        return context.SignInAsync(SessionDefaults.Scheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(SessionDefaults.Scheme);

    /// <summary>The signed-in user's id and connector, or null without a valid session.</summary>
    public static async Task<(Guid UserId, string ConnectorId)?> CurrentAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(SessionDefaults.Scheme);
        var principal = result.Succeeded ? result.Principal : null;
        return Guid.TryParse(principal?.FindFirstValue(SessionDefaults.UserIdClaim), out var userId)
            && principal!.FindFirstValue(SessionDefaults.ConnectorClaim) is { } connectorId
            ? (userId, connectorId)
            : null;
    }
}
