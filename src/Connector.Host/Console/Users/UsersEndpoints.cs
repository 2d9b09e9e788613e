using Connector.Host.Audit;
using Connector.Host.Console.Kit;
using Connector.Host.Pages;
using Connector.Host.Problems;
using Connector.Host.SignIn;
using Connector.Host.TokenVault;
using Connector.Host.Users;

namespace Connector.Host.Console.Users;

/// <summary>
/// <c>/console/users</c>: find users (the admin API's search and keyset paging, 50 a page), and each user's page with
/// the identities, their profiles and last sign-ins. The changes are in <see cref="UserActionEndpoints"/>.
/// </summary>
internal static class UsersEndpoints
{
    public static RouteGroupBuilder MapConsoleUsers(this RouteGroupBuilder console)
    {
        var users = console.MapGroup(ConsolePaths.Users[ConsolePaths.Root.Length..]);
        users.MapGet("", ListAsync);
        users.MapGet("/{id}", ShowAsync);
        users.MapUserActions();
        return console;
    }

    private static async Task<IResult> ListAsync(UserAdminService users, string? search, string? after, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (UserListQuery.Read(search, after, null, errors) is not { } query)
        {
            return ConsolePages.Page<UserListPage>(ConsoleSections.Users, new Dictionary<string, object?>
            {
                [nameof(UserListPage.Search)] = search,
                [nameof(UserListPage.Errors)] = FormErrors.From(errors),
            }, StatusCodes.Status400BadRequest);
        }

        var page = await users.ListAsync(query, ct);
        return ConsolePages.Page<UserListPage>(ConsoleSections.Users, new Dictionary<string, object?>
        {
            [nameof(UserListPage.Search)] = query.Search,
            [nameof(UserListPage.Rows)] = page.Select(UserViews.Row).ToList(),
            [nameof(UserListPage.First)] = query.After is null ? null : ListPath(query.Search, null),
            [nameof(UserListPage.Next)] = query.Next(page) is { } next ? ListPath(next.Search, next.After) : null,
        });
    }

    /// <summary>A page of the list, with its search; the page size is the service's default, so it is left out.</summary>
    private static string ListPath(string? search, Guid? after) => ConsolePaths.Users + QueryString.Create([
        .. search is null ? Array.Empty<KeyValuePair<string, string?>>() : [KeyValuePair.Create("search", (string?)search)],
        .. after is null ? Array.Empty<KeyValuePair<string, string?>>() : [KeyValuePair.Create("after", (string?)after.ToString())],
    ]);

    private static async Task<IResult> ShowAsync(HttpContext context, string id, UserAdminService users, AuditStore audit, CancellationToken ct) =>
        await DetailAsync(context, id, users, audit, FormErrors.None, StatusCodes.Status200OK, ct);

    /// <summary>The user's page; with <paramref name="errors"/> after a refused change.</summary>
    internal static async Task<IResult> DetailAsync(
        HttpContext context, string id, UserAdminService users, AuditStore audit, FormErrors errors, int status, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var userId) || await users.GetAsync(userId, ct) is not { } account)
        {
            return NotFound(context);
        }

        // The identities keep no sign-in time of their own; the audit trail has each successful sign-in.
        var lastSignIns = await audit.LastSuccessOfActorAsync(SignInAudit.Action, UserAudit.ActorOf(userId), ct);
        var withTokens = await context.RequestServices.GetRequiredService<IdentityTokenVault>()
            .StoredForAsync([.. account.Identities.Select(identity => identity.Id)], ct);
        return ConsolePages.Page<UserDetailPage>(ConsoleSections.Users, new Dictionary<string, object?>
        {
            [nameof(UserDetailPage.User)] = UserViews.Profile(account),
            [nameof(UserDetailPage.Identities)] = UserViews.Identities(account, lastSignIns, withTokens),
            [nameof(UserDetailPage.SignInActor)] = UserAudit.ActorOf(userId),
            [nameof(UserDetailPage.Errors)] = errors,
        }, status);
    }

    internal static IResult NotFound(HttpContext context)
    {
        PageContext.UseServiceLook(context);
        return HtmlPages.Error(StatusCodes.Status404NotFound, ErrorCodes.UserNotFound, "console.users.notFound.title", "console.users.notFound.message", ConsolePaths.Users);
    }
}
