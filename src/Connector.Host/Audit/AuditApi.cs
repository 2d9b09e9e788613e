using Connector.Host.AdminApi;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.Audit;

/// <summary>
/// <c>GET /api/audit</c>: newest first, narrowed by <c>action</c>, <c>actor</c>, <c>target</c>, <c>outcome</c> and a
/// time range <c>from</c>/<c>to</c>; page with <c>?before={id of the last event seen}</c>.
/// </summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapAdminApi(AdminApiPaths.Audit, "Audit").MapGet("", ListAuditEvents).WithName(nameof(ListAuditEvents));
        return app;
    }

    public static async Task<Results<Ok<AuditEventResponse[]>, ValidationProblem>> ListAuditEvents(
        AuditStore store, int? limit, string? before, string? action, string? actor, string? target, string? outcome, string? from, string? to,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (AuditQuery.Read(action, actor, target, outcome, from, to, before, limit, errors) is not { } query)
        {
            return ApiProblems.Validation(errors);
        }

        var rows = await store.ListAsync(query, ct);
        return TypedResults.Ok(rows.Select(AuditEventResponse.From).ToArray());
    }
}
