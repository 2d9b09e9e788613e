using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Connector.Host.AdminApi;
using Connector.Host.AdminApi.Input;
using Connector.Host.Audit;
using Connector.Host.Connectors;
using Connector.Host.Persistence;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.Users;

/// <summary><c>/api/users</c>: find users, page through them, disable, sign out everywhere, unlink, erase (<c>docs/admin-api.md</c>).</summary>
internal static class UsersApi
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;
    private const int MaxSearchLength = 320;

    private static readonly JsonTypeInfo<UserPatch> PatchType = (JsonTypeInfo<UserPatch>)ConnectorJson.Options.GetTypeInfo(typeof(UserPatch));

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
        HttpContext context, UserStore store, string? search, string? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", ErrorCodes.Field.OutOfRange, $"Must be between 1 and {MaxLimit}.");
        }

        Guid? afterId = null;
        if (after is not null)
        {
            if (Guid.TryParse(after, out var parsed))
            {
                afterId = parsed;
            }
            else
            {
                errors.Add("after", ErrorCodes.Field.InvalidId, "Must be the id of the last user of the previous page.");
            }
        }

        if (search?.Length > MaxSearchLength)
        {
            errors.Add("search", ErrorCodes.Field.TooLong, $"At most {MaxSearchLength} characters.");
        }

        if (!errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }

        var pageSize = limit ?? DefaultLimit;
        var accounts = await store.ListAsync(search?.Trim(), afterId, pageSize, ct);
        if (accounts.Count == pageSize)
        {
            var next = QueryString.Create([
                KeyValuePair.Create("limit", (string?)pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                KeyValuePair.Create("after", (string?)accounts[^1].User.Id.ToString()),
                .. string.IsNullOrEmpty(search) ? Array.Empty<KeyValuePair<string, string?>>() : [KeyValuePair.Create("search", (string?)search)],
            ]);
            context.Response.Headers.Link = $"<{context.Request.PathBase}{AdminApiPaths.Root}{AdminApiPaths.Users}{next}>; rel=\"next\"";
        }

        return TypedResults.Ok(accounts.Select(UserResponse.From).ToArray());
    }

    /// <summary>The id is taken as text so a malformed one is a plain 404 (a route constraint would bypass the admin policy's 401).</summary>
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetUser(string id, UserStore store, CancellationToken ct)
    {
        var account = Guid.TryParse(id, out var userId) ? await store.GetAsync(userId, ct) : null;
        return account is null ? ApiProblems.UserNotFound() : TypedResults.Ok(UserResponse.From(account));
    }

    /// <summary>A merge patch of <c>disabled</c> and <c>roles</c>; disabling signs the user out everywhere.</summary>
    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> PatchUser(
        string id, HttpRequest request, ClaimsPrincipal operatorUser, UserStore store, TimeProvider time, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var body = await JsonBody.ReadObjectAsync(request, errors, ct);
        if (body is null)
        {
            return ApiProblems.Validation(errors);
        }

        if (!Guid.TryParse(id, out var userId) || await store.GetAsync(userId, ct) is not { } account)
        {
            return ApiProblems.UserNotFound();
        }

        var before = account.User;
        var current = new JsonObject { ["disabled"] = before.Disabled, ["roles"] = new JsonArray([.. before.Roles.Select(role => JsonValue.Create(role))]) };
        var merged = MergePatch.Apply(current, body) as JsonObject ?? [];
        var patch = JsonShape.Check(merged, PatchType, "", errors).Deserialize(PatchType)!;
        var roles = (patch.Roles ?? []).ToArray();
        for (var i = 0; i < roles.Length; i++)
        {
            if (!UserRoles.All.Contains(roles[i]))
            {
                errors.Add($"roles.{i}", ErrorCodes.Field.OneOf, $"Must be one of {string.Join(", ", UserRoles.All)}.");
            }
        }

        if (!errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }

        var disabled = patch.Disabled ?? false;
        roles = [.. roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        string[] changed = [.. new[] { ("disabled", disabled != before.Disabled), ("roles", !roles.SequenceEqual(before.Roles)) }
            .Where(field => field.Item2).Select(field => field.Item1)];
        if (changed.Length == 0)
        {
            return TypedResults.Ok(UserResponse.From(account));
        }

        var now = Timestamps.Now(time);
        var audit = new AuditEntry(now, AdminActor.Of(operatorUser), UserAudit.Updated, userId.ToString(), AuditOutcomes.Success,
            new JsonObject { ["changed"] = new JsonArray([.. changed.Select(field => JsonValue.Create(field))]) });
        var updated = await store.UpdateAsync(userId, disabled, roles, revokesSessions: disabled && !before.Disabled, now, audit, ct);
        return updated is null ? ApiProblems.UserNotFound() : TypedResults.Ok(UserResponse.From(account with { User = updated }));
    }

    /// <summary>Erases the user: identities, the issuer's grants and tokens; the audit keeps the event, without the profile.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteUser(
        string id, ClaimsPrincipal operatorUser, UserStore store, TimeProvider time, CancellationToken ct) =>
        Guid.TryParse(id, out var userId)
        && await store.DeleteAsync(userId, new AuditEntry(Timestamps.Now(time), AdminActor.Of(operatorUser), UserAudit.Deleted, id, AuditOutcomes.Success, null), ct)
            ? TypedResults.NoContent()
            : ApiProblems.UserNotFound();

    public static async Task<Results<NoContent, ProblemHttpResult>> UnlinkIdentity(
        string id, string connectorId, ClaimsPrincipal operatorUser, UserStore store, TimeProvider time, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var userId) || await store.GetUserAsync(userId, ct) is null)
        {
            return ApiProblems.UserNotFound();
        }

        var audit = new AuditEntry(Timestamps.Now(time), AdminActor.Of(operatorUser), UserAudit.IdentityUnlinked, id, AuditOutcomes.Success,
            new JsonObject { ["connectorId"] = connectorId });
        return await store.UnlinkAsync(userId, connectorId, audit, ct)
            ? TypedResults.NoContent()
            : ApiProblems.IdentityNotFound(connectorId);
    }

    /// <summary>Signs the user out everywhere: every session of ours, every refresh and access token of every app.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeSessions(
        string id, ClaimsPrincipal operatorUser, UserStore store, TimeProvider time, CancellationToken ct)
    {
        var now = Timestamps.Now(time);
        return Guid.TryParse(id, out var userId)
            && await store.RevokeSessionsAsync(userId, now, new AuditEntry(now, AdminActor.Of(operatorUser), UserAudit.SessionsRevoked, id, AuditOutcomes.Success, null), ct)
            ? TypedResults.NoContent()
            : ApiProblems.UserNotFound();
    }
}
