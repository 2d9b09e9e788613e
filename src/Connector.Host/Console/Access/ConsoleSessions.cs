using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Connector.Host.Audit;
using Connector.Host.Security;
using Connector.Host.Sessions;
using Connector.Host.Users;
using Microsoft.AspNetCore.Authentication;

namespace Connector.Host.Console.Access;

/// <summary>
/// The console session: its own cookie (<see cref="ConsoleAccessExtensions"/>), 12 hours from sign-in and not a
/// minute more, checked on every request on every instance — the key must still be configured; the user must still
/// exist, be enabled, hold the <c>operator</c> role and have the revocation epoch they signed in under; and the session
/// must not have been signed out (its id is remembered in <c>revoked_sessions</c>, so a copied cookie dies with it).
/// </summary>
internal sealed class ConsoleSessions(
    AdminKeyRing keys,
    UserStore users,
    RevokedSessionStore revoked,
    AuditStore audit,
    TimeProvider time,
    ILogger<ConsoleSessions> logger)
{
    public const string Scheme = "Connectors.Console";
    public const string Policy = "ConnectorsConsole";

    /// <summary>Absolute: a console session is not extended by use.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private const string MethodClaim = "method";
    private const string SessionIdClaim = "sid";
    private const string UserIdClaim = "uid";
    private const string EpochClaim = "epoch";
    private const string DisplayClaim = "display";

    private static readonly object CurrentKey = new();

    /// <summary>Signs in with an admin key typed into the console's form; false (and nothing set) when it is not one.</summary>
    public async Task<bool> SignInWithKeyAsync(HttpContext context, string? key, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(key) || keys.Match(key) is not { } actor)
        {
            ConsoleLog.SignInRefused(logger, "not an admin key");
            return false;
        }

        await SignInAsync(context, new ConsoleOperator(actor, ConsoleOperator.KeyMethod, actor, null), epoch: null, connectorId: null, ct);
        return true;
    }

    /// <summary>Turns a user's sign-in through a connector into a console session, when the user is an operator.</summary>
    public async Task<bool> SignInAsOperatorAsync(HttpContext context, SignedInSession session, CancellationToken ct)
    {
        var user = session.User;
        if (!user.Roles.Contains(UserRoles.Operator, StringComparer.Ordinal))
        {
            ConsoleLog.SignInRefused(logger, "the user is not an operator");
            return false;
        }

        var who = new ConsoleOperator($"user:{user.Id}", ConsoleOperator.ConnectorMethod, DisplayNameOf(user), user.Id);
        await SignInAsync(context, who, user.SessionEpoch, session.ConnectorId, ct);
        return true;
    }

    private async Task SignInAsync(HttpContext context, ConsoleOperator who, int? epoch, string? connectorId, CancellationToken ct)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.Name, who.Actor),
            new(MethodClaim, who.Method),
            new(SessionIdClaim, Secrets.NewRandom()),
            new(DisplayClaim, who.DisplayName),
        ];
        if (who.UserId is { } userId)
        {
            claims.Add(new(UserIdClaim, userId.ToString()));
            claims.Add(new(EpochClaim, epoch!.Value.ToString(CultureInfo.InvariantCulture)));
        }

        var details = new JsonObject { ["method"] = who.Method };
        if (connectorId is not null)
        {
            details["connector"] = connectorId;
        }

        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), who.Actor, ConsoleAudit.SignedIn, "console", AuditOutcomes.Success, details), ct);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme)), new AuthenticationProperties { IsPersistent = false });
        ConsoleLog.SignedIn(logger, who.Actor, who.Method);
    }

    /// <summary>Ends the console session here and on the server.</summary>
    public async Task SignOutAsync(HttpContext context, CancellationToken ct)
    {
        var result = await context.AuthenticateAsync(Scheme);
        if (result.Succeeded && Current(context) is { } who && result.Principal.FindFirstValue(SessionIdClaim) is { } sessionId)
        {
            await revoked.RevokeAsync(sessionId, time.GetUtcNow() + Lifetime, ct);
            await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), who.Actor, ConsoleAudit.SignedOut, "console", AuditOutcomes.Success, null), ct);
            ConsoleLog.SignedOut(logger, who.Actor);
        }

        await context.SignOutAsync(Scheme);
    }

    /// <summary>The cookie handler's check of every ticket it reads; the operator, or null when the session no longer holds.</summary>
    public async Task<ConsoleOperator?> ValidateAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (principal.Identity?.Name is not { } actor || principal.FindFirstValue(MethodClaim) is not { } method
            || principal.FindFirstValue(SessionIdClaim) is not { } sessionId || await revoked.IsRevokedAsync(sessionId, ct))
        {
            return null;
        }

        if (method == ConsoleOperator.KeyMethod)
        {
            return keys.Holds(actor) ? new ConsoleOperator(actor, method, actor, null) : null;
        }

        if (!Guid.TryParse(principal.FindFirstValue(UserIdClaim), out var userId)
            || !int.TryParse(principal.FindFirstValue(EpochClaim), CultureInfo.InvariantCulture, out var epoch))
        {
            return null;
        }

        var user = await users.GetUserAsync(userId, ct);
        return user is { Disabled: false } && user.SessionEpoch == epoch && user.Roles.Contains(UserRoles.Operator, StringComparer.Ordinal)
            ? new ConsoleOperator(actor, method, DisplayNameOf(user), userId)
            : null;
    }

    /// <summary>The operator of this request, once the console's policy let it through.</summary>
    public static ConsoleOperator? Current(HttpContext context) => context.Items[CurrentKey] as ConsoleOperator;

    internal static void Remember(HttpContext context, ConsoleOperator who) => context.Items[CurrentKey] = who;

    private static string DisplayNameOf(UserRow user) => user.Name ?? user.Email ?? user.Id.ToString();
}
