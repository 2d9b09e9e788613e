using System.Security.Claims;
using Connector.Host.AdminApi;
using Connector.Host.AdminApi.Input;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.Oidc.Apps;

/// <summary><c>/api/apps</c>: the OIDC client apps that sign users in through this service (<c>docs/admin-api.md</c>).</summary>
internal static class AppsApi
{
    public static IEndpointRouteBuilder MapAppsApi(this IEndpointRouteBuilder app)
    {
        var apps = app.MapAdminApi(AdminApiPaths.Apps, "Apps");
        apps.MapGet("", ListApps).WithName(nameof(ListApps));
        apps.MapGet("/{id}", GetApp).WithName(nameof(GetApp));
        apps.MapPost("", CreateApp).WithName(nameof(CreateApp)).Accepts<AppRequest>("application/json");
        apps.MapPatch("/{id}", PatchApp).WithName(nameof(PatchApp)).Accepts<AppRequest>("application/merge-patch+json", "application/json");
        apps.MapDelete("/{id}", DeleteApp).WithName(nameof(DeleteApp));
        apps.MapPost("/{id}/rotate-secret", RotateAppSecret).WithName(nameof(RotateAppSecret));
        return app;
    }

    public static async Task<Ok<AppResponse[]>> ListApps(AppAdminService service, CancellationToken ct) =>
        TypedResults.Ok((await service.ListAsync(ct)).Select(app => service.Describe(app)).ToArray());

    public static async Task<Results<Ok<AppResponse>, ProblemHttpResult>> GetApp(string id, AppAdminService service, CancellationToken ct) =>
        Guid.TryParse(id, out var appId) && await service.FindAsync(appId, ct) is { } app ? TypedResults.Ok(service.Describe(app)) : ApiProblems.AppNotFound(id);

    /// <summary><c>201</c> with the client secret: the only answer that shows it (with rotate-secret's).</summary>
    public static async Task<Results<Created<AppResponse>, ValidationProblem>> CreateApp(
        HttpRequest request, ClaimsPrincipal user, AppAdminService service, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var body = await JsonBody.ReadObjectAsync(request, errors, ct);
        return body is null ? ApiProblems.Validation(errors) : await service.CreateAsync(body, AdminActor.Of(user), ct) switch
        {
            AppOutcome.Saved saved => TypedResults.Created(
                AdminApiPaths.Of(request, AdminApiPaths.Apps, saved.App.Id.ToString()), service.Describe(saved.App, saved.Secret)),
            AppOutcome.Invalid invalid => ApiProblems.Validation(invalid.Errors),
            var other => throw new InvalidOperationException($"A create does not end as {other}."),
        };
    }

    public static async Task<Results<Ok<AppResponse>, ValidationProblem, ProblemHttpResult>> PatchApp(
        string id, HttpRequest request, ClaimsPrincipal user, AppAdminService service, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var body = await JsonBody.ReadObjectAsync(request, errors, ct);
        if (body is null)
        {
            return ApiProblems.Validation(errors);
        }

        return await service.PatchAsync(Parse(id), body, AdminActor.Of(user), ct) switch
        {
            AppOutcome.Saved saved => TypedResults.Ok(service.Describe(saved.App)),
            AppOutcome.Invalid invalid => ApiProblems.Validation(invalid.Errors),
            AppOutcome.NotFound => ApiProblems.AppNotFound(id),
            _ => ApiProblems.Conflict("The app changed while this update was applied; read it again and retry."),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteApp(string id, ClaimsPrincipal user, AppAdminService service, CancellationToken ct) =>
        await service.DeleteAsync(Parse(id), AdminActor.Of(user), ct) switch
        {
            AppOutcome.Saved => TypedResults.NoContent(),
            AppOutcome.NotFound => ApiProblems.AppNotFound(id),
            _ => ApiProblems.Conflict("The app changed while it was being deleted; read it again and retry."),
        };

    /// <summary>A new client secret, shown in this answer only; the previous one stops working at once.</summary>
    public static async Task<Results<Ok<AppResponse>, ValidationProblem, ProblemHttpResult>> RotateAppSecret(
        string id, ClaimsPrincipal user, AppAdminService service, CancellationToken ct) =>
        await service.RotateSecretAsync(Parse(id), AdminActor.Of(user), ct) switch
        {
            AppOutcome.Saved saved => TypedResults.Ok(service.Describe(saved.App, saved.Secret)),
            AppOutcome.Invalid invalid => ApiProblems.Validation(invalid.Errors),
            AppOutcome.NotFound => ApiProblems.AppNotFound(id),
            _ => ApiProblems.Conflict("The app changed while its secret was rotated; retry."),
        };

    /// <summary>An id that is not a UUID names no app: <see cref="Guid.Empty"/> is never assigned.</summary>
    private static Guid Parse(string id) => Guid.TryParse(id, out var parsed) ? parsed : Guid.Empty;
}
