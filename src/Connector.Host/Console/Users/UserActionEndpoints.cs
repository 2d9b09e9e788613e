using System.Security.Claims;
using System.Text.Json.Nodes;
using Connector.Host.AdminApi;
using Connector.Host.Audit;
using Connector.Host.Console.Kit;
using Connector.Host.Pages;
using Connector.Host.Users;

namespace Connector.Host.Console.Users;

/// <summary>
/// What an operator does to a user from the console, each a POST through <see cref="UserAdminService"/> (the admin
/// API's own), audited with the operator as actor, then back to the user's page with a notice. Unlinking and
/// erasing ask first on a page of their own.
/// </summary>
internal static class UserActionEndpoints
{
    public static RouteGroupBuilder MapUserActions(this RouteGroupBuilder users)
    {
        users.MapPost("/{id}/roles", SaveRolesAsync);
        users.MapPost("/{id}/disable", (HttpContext context, string id, ClaimsPrincipal user, UserAdminService service, AuditStore audit, CancellationToken ct) =>
            SetDisabledAsync(context, id, disabled: true, user, service, audit, ct));
        users.MapPost("/{id}/enable", (HttpContext context, string id, ClaimsPrincipal user, UserAdminService service, AuditStore audit, CancellationToken ct) =>
            SetDisabledAsync(context, id, disabled: false, user, service, audit, ct));
        users.MapPost("/{id}/revoke-sessions", RevokeSessionsAsync);
        users.MapGet("/{id}/identities/{connectorId}/unlink", ConfirmUnlinkAsync);
        users.MapPost("/{id}/identities/{connectorId}/unlink", UnlinkAsync);
        users.MapGet("/{id}/delete", ConfirmDeleteAsync);
        users.MapPost("/{id}/delete", DeleteAsync);
        return users;
    }

    /// <summary>The role checkboxes, as the merge patch <c>{ "roles": [...] }</c> the API takes.</summary>
    private static async Task<IResult> SaveRolesAsync(
        HttpContext context, string id, ClaimsPrincipal user, UserAdminService users, AuditStore audit, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var roles = form.ContainsKey(UserDetailPage.OperatorField) ? new JsonArray(UserRoles.Operator) : [];
        return await PatchAsync(context, id, new JsonObject { ["roles"] = roles }, "console.notice.userRolesSaved", user, users, audit, ct);
    }

    private static Task<IResult> SetDisabledAsync(
        HttpContext context, string id, bool disabled, ClaimsPrincipal user, UserAdminService users, AuditStore audit, CancellationToken ct) =>
        PatchAsync(context, id, new JsonObject { ["disabled"] = disabled }, disabled ? "console.notice.userDisabled" : "console.notice.userEnabled",
            user, users, audit, ct);

    private static async Task<IResult> PatchAsync(
        HttpContext context, string id, JsonObject patch, string notice, ClaimsPrincipal user, UserAdminService users, AuditStore audit, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var userId))
        {
            return UsersEndpoints.NotFound(context);
        }

        return await users.PatchAsync(userId, patch, AdminActor.Of(user), ct) switch
        {
            UserOutcome.Saved => ConsolePages.Redirect(UserPaths.Of(userId), notice),
            UserOutcome.Invalid invalid => await UsersEndpoints.DetailAsync(context, id, users, audit, FormErrors.From(invalid.Errors), StatusCodes.Status400BadRequest, ct),
            _ => UsersEndpoints.NotFound(context),
        };
    }

    private static async Task<IResult> RevokeSessionsAsync(HttpContext context, string id, ClaimsPrincipal user, UserAdminService users, CancellationToken ct) =>
        Guid.TryParse(id, out var userId) && await users.RevokeSessionsAsync(userId, AdminActor.Of(user), ct) is UserOutcome.Done
            ? ConsolePages.Redirect(UserPaths.Of(userId), "console.notice.userSignedOut")
            : UsersEndpoints.NotFound(context);

    private static async Task<IResult> ConfirmUnlinkAsync(HttpContext context, string id, string connectorId, UserAdminService users, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var userId) || await users.GetAsync(userId, ct) is not { } account)
        {
            return UsersEndpoints.NotFound(context);
        }

        var identity = account.Identities.FirstOrDefault(candidate => candidate.ConnectorId == connectorId);
        if (identity is null)
        {
            return ConsolePages.Redirect(UserPaths.Of(userId), "console.notice.identityNotFound");
        }

        return Confirm(context, "console.users.unlink.title", "console.users.unlink.confirm", UserPaths.Unlink(userId, connectorId), UserPaths.Of(userId),
            "console.users.unlink.message", UserViews.DisplayOf(account.User), connectorId, identity.Subject);
    }

    private static async Task<IResult> UnlinkAsync(HttpContext context, string id, string connectorId, ClaimsPrincipal user, UserAdminService users, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var userId))
        {
            return UsersEndpoints.NotFound(context);
        }

        return await users.UnlinkAsync(userId, connectorId, AdminActor.Of(user), ct) switch
        {
            UserOutcome.Done => ConsolePages.Redirect(UserPaths.Of(userId), "console.notice.identityUnlinked"),
            UserOutcome.IdentityNotFound => ConsolePages.Redirect(UserPaths.Of(userId), "console.notice.identityNotFound"),
            _ => UsersEndpoints.NotFound(context),
        };
    }

    private static async Task<IResult> ConfirmDeleteAsync(HttpContext context, string id, UserAdminService users, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var userId) || await users.GetAsync(userId, ct) is not { } account)
        {
            return UsersEndpoints.NotFound(context);
        }

        var connectors = account.Identities.Select(identity => identity.ConnectorId).Distinct(StringComparer.Ordinal).ToList();
        return Confirm(context, "console.users.erase.title", "console.users.erase.confirm", UserPaths.Delete(userId), UserPaths.Of(userId),
            "console.users.erase.message", UserViews.DisplayOf(account.User), account.Identities.Count, connectors.Count == 0 ? "—" : string.Join(", ", connectors));
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string id, ClaimsPrincipal user, UserAdminService users, CancellationToken ct) =>
        Guid.TryParse(id, out var userId) && await users.DeleteAsync(userId, AdminActor.Of(user), ct) is UserOutcome.Done
            ? ConsolePages.Redirect(ConsolePaths.Users, "console.notice.userDeleted")
            : UsersEndpoints.NotFound(context);

    private static IResult Confirm(HttpContext context, string titleKey, string confirmKey, string action, string cancel, string messageKey, params object?[] values)
    {
        var text = PageContext.UseServiceLook(context).Text;
        return ConsolePages.Page<ConfirmPage>(ConsoleSections.Users, new Dictionary<string, object?>
        {
            [nameof(ConfirmPage.Title)] = text[titleKey],
            [nameof(ConfirmPage.Message)] = text.Format(messageKey, values),
            [nameof(ConfirmPage.Action)] = action,
            [nameof(ConfirmPage.ConfirmLabel)] = text[confirmKey],
            [nameof(ConfirmPage.CancelHref)] = cancel,
        });
    }
}
