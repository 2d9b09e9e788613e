using Connector.Host.AdminApi;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.Users;

/// <summary><c>/api/users</c>: the users that signed in, newest first, with their identities.</summary>
internal static class UsersApi
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapAdminApi(AdminApiPaths.Users, "Users");
        users.MapGet("", ListUsers).WithName(nameof(ListUsers));
        users.MapGet("/{id}", GetUser).WithName(nameof(GetUser));
        return app;
    }

    public static async Task<Results<Ok<UserResponse[]>, ValidationProblem>> ListUsers(UserStore store, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return ApiProblems.Validation("limit", ErrorCodes.Field.OutOfRange, $"Must be between 1 and {MaxLimit}.");
        }

        var accounts = await store.ListAsync(limit ?? DefaultLimit, ct);
        return TypedResults.Ok(accounts.Select(UserResponse.From).ToArray());
    }

    /// <summary>The id is taken as text so a malformed one is a plain 404 (a route constraint would bypass the admin policy's 401).</summary>
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetUser(string id, UserStore store, CancellationToken ct)
    {
        var account = Guid.TryParse(id, out var userId) ? await store.GetAsync(userId, ct) : null;
        return account is null ? ApiProblems.UserNotFound() : TypedResults.Ok(UserResponse.From(account));
    }
}
