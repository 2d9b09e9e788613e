using System.Globalization;
using System.Security.Claims;
using Connector.Host.Configuration;
using Connector.Host.Connectors;
using Connector.Host.Security;
using Connector.Host.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Connector.Host.Sessions;

/// <summary>
/// Starts, checks and ends the end user's session. A session holds only while its user exists, is not disabled and
/// still has the epoch it began under, its connector exists and is enabled, it is younger than the absolute lifetime,
/// and nobody signed it out: checked on every request that reads it, on every instance (<c>docs/sign-in-flow.md</c>).
/// </summary>
internal sealed class UserSessions(
    UserStore users,
    ConnectorConfigLoader connectors,
    RevokedSessionStore revoked,
    IOptions<ConnectorsOptions> options,
    TimeProvider time)
{
    private static readonly object ValidatedKey = new();

    /// <summary>
    /// How long a signed-out session is remembered: beyond the session's own lifetime, as long as any token granted in
    /// it could still be presented (OpenIddict's refresh tokens live 14 days; a test keeps this above that).
    /// </summary>
    public static readonly TimeSpan RevocationKeptAtLeast = TimeSpan.FromDays(30);

    public static Task SignInAsync(HttpContext context, Guid userId, string connectorId, Guid connectorGeneration, int epoch, DateTimeOffset authTime)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(SessionDefaults.UserIdClaim, userId.ToString()),
                new Claim(SessionDefaults.ConnectorClaim, connectorId),
                new Claim(SessionDefaults.ConnectorGenerationClaim, connectorGeneration.ToString()),
                new Claim(SessionDefaults.SessionIdClaim, Secrets.NewRandom()),
                new Claim(SessionDefaults.EpochClaim, epoch.ToString(CultureInfo.InvariantCulture)),
                new Claim(SessionDefaults.AuthTimeClaim, authTime.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            ],
            SessionDefaults.Scheme,
            nameType: SessionDefaults.UserIdClaim,
            roleType: null);
        return context.SignInAsync(SessionDefaults.Scheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The session, checked; null without one, or when it no longer holds.</summary>
    public static async Task<SignedInSession?> CurrentAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(SessionDefaults.Scheme);
        return result.Succeeded ? context.Items[ValidatedKey] as SignedInSession : null;
    }

    /// <summary>Ends the session here and on the server: its cookie, copied elsewhere, opens nothing any more.</summary>
    public async Task SignOutAsync(HttpContext context, CancellationToken ct)
    {
        if (await CurrentAsync(context) is { } session)
        {
            var longest = options.Value.Sessions.Absolute > RevocationKeptAtLeast ? options.Value.Sessions.Absolute : RevocationKeptAtLeast;
            await revoked.RevokeAsync(session.SessionId, time.GetUtcNow() + longest, ct);
        }

        await context.SignOutAsync(SessionDefaults.Scheme);
    }

    /// <summary>The cookie handler's check of every ticket it reads (<see cref="SessionExtensions"/>).</summary>
    public async Task<SignedInSession?> ValidateAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!Guid.TryParse(principal.FindFirstValue(SessionDefaults.UserIdClaim), out var userId)
            || principal.FindFirstValue(SessionDefaults.ConnectorClaim) is not { } connectorId
            || !Guid.TryParse(principal.FindFirstValue(SessionDefaults.ConnectorGenerationClaim), out var generation)
            || principal.FindFirstValue(SessionDefaults.SessionIdClaim) is not { } sessionId
            || !int.TryParse(principal.FindFirstValue(SessionDefaults.EpochClaim), CultureInfo.InvariantCulture, out var epoch)
            || !long.TryParse(principal.FindFirstValue(SessionDefaults.AuthTimeClaim), CultureInfo.InvariantCulture, out var authMilliseconds))
        {
            return null; // a ticket from before sessions carried these: sign in again
        }

        var authTime = DateTimeOffset.FromUnixTimeMilliseconds(authMilliseconds);
        if (time.GetUtcNow() - authTime > options.Value.Sessions.Absolute)
        {
            return null;
        }

        var (user, signedOut) = await users.GetUserAsync(userId, RevokedSessionStore.IsRevokedCommand(sessionId), ct);
        if (user is null || user.Disabled || user.SessionEpoch != epoch || signedOut
            || await connectors.LoadAsync(connectorId, ct) is not { Enabled: true } connector || connector.Generation != generation)
        {
            return null;
        }

        return new SignedInSession(sessionId, user, connectorId, generation, authTime, epoch);
    }

    /// <summary>Keeps the checked session for the rest of the request, so pages read the user once.</summary>
    public static void Remember(HttpContext context, SignedInSession session) => context.Items[ValidatedKey] = session;
}
