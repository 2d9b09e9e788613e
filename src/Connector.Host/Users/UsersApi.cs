using System.Security.Claims;
using Connector.Host.AdminApi;
using Connector.Host.AdminApi.Input;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.Users;

/// <summary><c>/api/users</c>: find users, page through them, disable, sign out everywhere, unlink, erase (<c>docs/admin-api.md</c>).</summary>
internal static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapAdminApi(AdminApiPaths.Users, "Users");
        users.MapGet("", ListUsers).WithName(nameof(ListUsers));
        users.MapGet("/{id}", GetUser).WithName(nameof(GetUser));
        users.MapPatch("/{id}", PatchUser).WithName(nameof(PatchUser)).Accepts<UserPatch>("application/merge-patch+json", "application/json");
        users.MapDelete("/{id}", DeleteUser).WithName(nameof(DeleteUser));
        users.MapDelete("/{id}/identities/{connectorId}", UnlinkIdentity).WithName(nameof(UnlinkIdentity));
        users.MapPost("/{id}/revoke-sessions", RevokeSessions).WithName(nameof(RevokeSessions));
        return app;
    }

    /// <summary>Newest first; the next page's URL is in <c>Link: &lt;…&gt;; rel="next"</c> (RFC 8288) when this one is full.</summary>
    public static async Task<Results<Ok<UserResponse[]>, ValidationProblem>> ListUsers(
        HttpContext context, UserAdminService users, string? search, string? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (UserListQuery.Read(search, after, limit, errors) is not { } query)
        {
            return ApiProblems.Validation(errors);
        }

        var accounts = await users.ListAsync(query, ct);
        if (query.Next(accounts) is { } next)
        {
            context.Response.Headers.Link = $"<{context.Request.PathBase}{AdminApiPaths.Root}{AdminApiPaths.Users}{next.ToQueryString()}>; rel=\"next\"";
        }

        return TypedResults.Ok(accounts.Select(UserResponse.From).ToArray());
    }

    /// <summary>The id is taken as text so a malformed one is a plain 404 (a route constraint would bypass the admin policy's 401).</summary>
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetUser(string id, UserAdminService users, CancellationToken ct) =>
        Guid.TryParse(id, out var userId) && await users.GetAsync(userId, ct) is { } account ? TypedResults.Ok(UserResponse.From(account)) : ApiProblems.UserNotFound();

    /// <summary>A merge patch of <c>disabled</c> and <c>roles</c>; disabling signs the user out everywhere.</summary>
    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> PatchUser(
        string id, HttpRequest request, ClaimsPrincipal operatorUser, UserAdminService users, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var body = await JsonBody.ReadObjectAsync(request, errors, ct);
        if (body is null)
        {
            return ApiProblems.Validation(errors);
        }

        return Answer(Guid.TryParse(id, out var userId) ? await users.PatchAsync(userId, body, AdminActor.Of(operatorUser), ct) : new UserOutcome.NotFound());
    }

    /// <summary>Erases the user: identities, the issuer's grants and tokens; the audit keeps the event, without the profile.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteUser(
        string id, ClaimsPrincipal operatorUser, UserAdminService users, CancellationToken ct) =>
        Done(Guid.TryParse(id, out var userId) ? await users.DeleteAsync(userId, AdminActor.Of(operatorUser), ct) : new UserOutcome.NotFound());

    public static async Task<Results<NoContent, ProblemHttpResult>> UnlinkIdentity(
        string id, string connectorId, ClaimsPrincipal operatorUser, UserAdminService users, CancellationToken ct) =>
        Done(Guid.TryParse(id, out var userId) ? await users.UnlinkAsync(userId, connectorId, AdminActor.Of(operatorUser), ct) : new UserOutcome.NotFound());

    /// <summary>Signs the user out everywhere: every session of ours, every refresh and access token of every app.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeSessions(
        string id, ClaimsPrincipal operatorUser, UserAdminService users, CancellationToken ct) =>
        Done(Guid.TryParse(id, out var userId) ? await users.RevokeSessionsAsync(userId, AdminActor.Of(operatorUser), ct) : new UserOutcome.NotFound());

    private static Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult> Answer(UserOutcome outcome) => outcome switch
    {
        UserOutcome.Saved saved => TypedResults.Ok(UserResponse.From(saved.Account)),
        UserOutcome.Invalid invalid => ApiProblems.Validation(invalid.Errors),
        _ => ApiProblems.UserNotFound(),
    };

    private static Results<NoContent, ProblemHttpResult> Done(UserOutcome outcome) => outcome switch
    {
        UserOutcome.Done => TypedResults.NoContent(),
        UserOutcome.IdentityNotFound missing => ApiProblems.IdentityNotFound(missing.ConnectorId),
        _ => ApiProblems.UserNotFound(),
    };
}
