using Connector.Host.AdminApi;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.Audit;

/// <summary><c>GET /api/audit</c>: newest first; page with <c>?before={id of the last event seen}</c>.</summary>
internal static class AuditApi
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapAdminApi(AdminApiPaths.Audit, "Audit").MapGet("", ListAuditEvents).WithName(nameof(ListAuditEvents));
        return app;
    }

    public static async Task<Results<Ok<AuditEventResponse[]>, ValidationProblem>> ListAuditEvents(
        AuditStore store, int? limit, long? before, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", ErrorCodes.Field.OutOfRange, $"Must be between 1 and {MaxLimit}.");
        }

        if (before is < 1)
        {
            errors.Add("before", ErrorCodes.Field.OutOfRange, "Must be an event id (1 or more).");
        }

        if (!errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }

        var rows = await store.ListAsync(limit ?? DefaultLimit, before, ct);
        return TypedResults.Ok(rows.Select(AuditEventResponse.From).ToArray());
    }
}
