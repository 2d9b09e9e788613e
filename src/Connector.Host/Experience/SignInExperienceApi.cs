using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Connector.Host.AdminApi;
using Connector.Host.AdminApi.Input;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.Experience;

/// <summary>
/// <c>/api/sign-in-experience</c>: the sign-in page's connectors, branding and languages (<c>docs/admin-api.md</c>);
/// and Logto's <c>PATCH /api/sign-in-exp {"socialSignInConnectorTargets": […]}</c>, so Logto scripts work.
/// </summary>
internal static class SignInExperienceApi
{
    private static readonly JsonTypeInfo<LogtoSignInExperiencePatch> LogtoPatchType =
        (JsonTypeInfo<LogtoSignInExperiencePatch>)ExperienceStore.Json.GetTypeInfo(typeof(LogtoSignInExperiencePatch));

    public static IEndpointRouteBuilder MapSignInExperienceApi(this IEndpointRouteBuilder app)
    {
        var experience = app.MapAdminApi(AdminApiPaths.SignInExperience, "Sign-in experience");
        experience.MapGet("", GetSignInExperience).WithName(nameof(GetSignInExperience));
        experience.MapPut("", PutSignInExperience).WithName(nameof(PutSignInExperience)).Accepts<SignInExperience>("application/json");
        app.MapAdminApi(AdminApiPaths.LogtoSignInExperience, "Sign-in experience")
            .MapPatch("", PatchLogtoSignInExperience).WithName(nameof(PatchLogtoSignInExperience))
            .Accepts<LogtoSignInExperiencePatch>("application/json", "application/merge-patch+json");
        return app;
    }

    public static async Task<Ok<SignInExperience>> GetSignInExperience(ExperienceAdminService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(ct));

    /// <summary>The whole experience; a member left out takes its default.</summary>
    public static async Task<Results<Ok<SignInExperience>, ValidationProblem>> PutSignInExperience(
        HttpRequest request, ClaimsPrincipal user, ExperienceAdminService service, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var body = await JsonBody.ReadObjectAsync(request, errors, ct);
        // Shape problems and the rules' problems are reported together.
        return body is null
            ? ApiProblems.Validation(errors)
            : await service.ReplaceAsync(body, AdminActor.Of(user), ct) switch
            {
                ExperienceOutcome.Saved saved => TypedResults.Ok(saved.Experience),
                ExperienceOutcome.Invalid invalid => ApiProblems.Validation(invalid.Errors),
                var other => throw new InvalidOperationException($"A replace does not end as {other}."),
            };
    }

    /// <summary>Logto's shape: the connectors shown, by their Logto <c>target</c> (our id); the rest stays.</summary>
    public static async Task<Results<Ok<SignInExperience>, ValidationProblem>> PatchLogtoSignInExperience(
        HttpRequest request, ClaimsPrincipal user, ExperienceAdminService service, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var body = await JsonBody.ReadObjectAsync(request, errors, ct);
        var patch = body is null ? null : JsonShape.Check(body, LogtoPatchType, "", errors).Deserialize(LogtoPatchType);
        if (patch is null)
        {
            return ApiProblems.Validation(errors);
        }

        var current = await service.GetAsync(ct);
        var changed = patch.SocialSignInConnectorTargets is { } targets ? current with { Connectors = targets } : current;
        return await SaveAsync(service, changed, user, errors, ct);
    }

    private static async Task<Results<Ok<SignInExperience>, ValidationProblem>> SaveAsync(
        ExperienceAdminService service, SignInExperience experience, ClaimsPrincipal user, FieldErrors errors, CancellationToken ct) =>
        await service.SaveAsync(experience, AdminActor.Of(user), errors, ct) is { } problems ? ApiProblems.Validation(problems) : TypedResults.Ok(experience);
}

/// <summary>The one member of Logto's sign-in experience this service takes: the social connectors shown, in order.</summary>
internal sealed record LogtoSignInExperiencePatch
{
    public IReadOnlyList<string>? SocialSignInConnectorTargets { get; init; }
}
