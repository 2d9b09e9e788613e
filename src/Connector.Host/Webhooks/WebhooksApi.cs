using System.Security.Claims;
using Connector.Host.AdminApi;
using Connector.Host.AdminApi.Input;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.Webhooks;

/// <summary><c>/api/webhooks</c>: where events are delivered, and what each delivery attempt came to (<c>docs/webhooks.md</c>).</summary>
internal static class WebhooksApi
{
    public const int DefaultLogLimit = 50;
    public const int MaxLogLimit = 500;

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapAdminApi(AdminApiPaths.Webhooks, "Webhooks");
        webhooks.MapGet("", ListWebhooks).WithName(nameof(ListWebhooks));
        webhooks.MapGet("/{id}", GetWebhook).WithName(nameof(GetWebhook));
        webhooks.MapPost("", CreateWebhook).WithName(nameof(CreateWebhook)).Accepts<WebhookRequest>("application/json");
        webhooks.MapPatch("/{id}", PatchWebhook).WithName(nameof(PatchWebhook)).Accepts<WebhookRequest>("application/merge-patch+json", "application/json");
        webhooks.MapDelete("/{id}", DeleteWebhook).WithName(nameof(DeleteWebhook));
        webhooks.MapGet("/{id}/deliveries", ListWebhookDeliveries).WithName(nameof(ListWebhookDeliveries));
        return app;
    }

    public static async Task<Ok<WebhookResponse[]>> ListWebhooks(WebhookAdminService service, CancellationToken ct) =>
        TypedResults.Ok((await service.ListAsync(ct)).Select(row => WebhookResponse.From(row)).ToArray());

    public static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> GetWebhook(string id, WebhookAdminService service, CancellationToken ct) =>
        await service.FindAsync(Parse(id), ct) is { } row ? TypedResults.Ok(WebhookResponse.From(row)) : ApiProblems.WebhookNotFound(id);

    /// <summary><c>201</c> with the signing key: the only answer that shows it.</summary>
    public static async Task<Results<Created<WebhookResponse>, ValidationProblem>> CreateWebhook(
        HttpRequest request, ClaimsPrincipal user, WebhookAdminService service, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var body = await JsonBody.ReadObjectAsync(request, errors, ct);
        return body is null ? ApiProblems.Validation(errors) : await service.CreateAsync(body, AdminActor.Of(user), ct) switch
        {
            WebhookOutcome.Saved saved => TypedResults.Created(
                AdminApiPaths.Of(request, AdminApiPaths.Webhooks, saved.Row.Id.ToString()), WebhookResponse.From(saved.Row, saved.SigningKey)),
            WebhookOutcome.Invalid invalid => ApiProblems.Validation(invalid.Errors),
            var other => throw new InvalidOperationException($"A create does not end as {other}."),
        };
    }

    public static async Task<Results<Ok<WebhookResponse>, ValidationProblem, ProblemHttpResult>> PatchWebhook(
        string id, HttpRequest request, ClaimsPrincipal user, WebhookAdminService service, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var body = await JsonBody.ReadObjectAsync(request, errors, ct);
        if (body is null)
        {
            return ApiProblems.Validation(errors);
        }

        return await service.PatchAsync(Parse(id), body, AdminActor.Of(user), ct) switch
        {
            WebhookOutcome.Saved saved => TypedResults.Ok(WebhookResponse.From(saved.Row)),
            WebhookOutcome.Invalid invalid => ApiProblems.Validation(invalid.Errors),
            WebhookOutcome.NotFound => ApiProblems.WebhookNotFound(id),
            _ => ApiProblems.Conflict("The webhook changed while this update was applied; read it again and retry."),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteWebhook(string id, ClaimsPrincipal user, WebhookAdminService service, CancellationToken ct) =>
        await service.DeleteAsync(Parse(id), AdminActor.Of(user), ct) is WebhookOutcome.Deleted ? TypedResults.NoContent() : ApiProblems.WebhookNotFound(id);

    /// <summary>The webhook's attempts, newest first; <c>before</c> (an entry's id) pages on.</summary>
    public static async Task<Results<Ok<DeliveryLogEntry[]>, ValidationProblem, ProblemHttpResult>> ListWebhookDeliveries(
        string id, int? limit, long? before, WebhookAdminService service, DeliveryStore deliveries, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLogLimit)
        {
            return ApiProblems.Validation("limit", ErrorCodes.Field.OutOfRange, $"Between 1 and {MaxLogLimit}.");
        }

        if (await service.FindAsync(Parse(id), ct) is not { } webhook)
        {
            return ApiProblems.WebhookNotFound(id);
        }

        return TypedResults.Ok((await deliveries.ListLogAsync(webhook.Id, limit ?? DefaultLogLimit, before, ct)).ToArray());
    }

    /// <summary>An id that is not a UUID names no webhook: <see cref="Guid.Empty"/> is never assigned.</summary>
    private static Guid Parse(string id) => Guid.TryParse(id, out var parsed) ? parsed : Guid.Empty;
}
