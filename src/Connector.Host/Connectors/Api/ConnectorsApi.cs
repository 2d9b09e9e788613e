using System.Security.Claims;
using Connector.Host.AdminApi;
using Connector.Host.AdminApi.Input;
using Connector.Host.Configuration;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Connector.Host.Connectors.Api;

/// <summary><c>/api/connectors</c>: register, list, read, change and delete connectors (<c>docs/admin-api.md</c>).</summary>
internal static class ConnectorsApi
{
    public static IEndpointRouteBuilder MapConnectorsApi(this IEndpointRouteBuilder app)
    {
        var connectors = app.MapAdminApi(AdminApiPaths.Connectors, "Connectors");
        connectors.MapGet("", ListConnectors).WithName(nameof(ListConnectors));
        connectors.MapGet("/{id}", GetConnector).WithName(nameof(GetConnector));
        connectors.MapPost("", CreateConnector).WithName(nameof(CreateConnector))
            .Accepts<CreateConnectorRequest>("application/json");
        connectors.MapPatch("/{id}", PatchConnector).WithName(nameof(PatchConnector))
            .Accepts<CreateConnectorRequest>("application/merge-patch+json", "application/json");
        connectors.MapDelete("/{id}", DeleteConnector).WithName(nameof(DeleteConnector));
        return app;
    }

    public static async Task<Ok<ConnectorResponse[]>> ListConnectors(ConnectorStore store, IOptions<ConnectorsOptions> options, CancellationToken ct)
    {
        var rows = await store.ListAsync(ct);
        return TypedResults.Ok(rows.Select(row => ConnectorResponse.From(row, options.Value.PublicOrigin!)).ToArray());
    }

    public static async Task<Results<Ok<ConnectorResponse>, ProblemHttpResult>> GetConnector(
        string id, ConnectorStore store, IOptions<ConnectorsOptions> options, CancellationToken ct)
    {
        var row = await store.GetAsync(id, ct);
        return row is null ? ApiProblems.ConnectorNotFound(id) : TypedResults.Ok(ConnectorResponse.From(row, options.Value.PublicOrigin!));
    }

    public static async Task<Results<Created<ConnectorResponse>, ValidationProblem, ProblemHttpResult>> CreateConnector(
        HttpRequest request, ClaimsPrincipal user, ConnectorAdminService service, IOptions<ConnectorsOptions> options, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var body = await JsonBody.ReadObjectAsync(request, errors, ct);
        return body is null ? ApiProblems.Validation(errors) : await service.CreateAsync(body, AdminActor.Of(user), ct) switch
        {
            ConnectorOutcome.Saved saved => TypedResults.Created(
                AdminApiPaths.Of(request, AdminApiPaths.Connectors, saved.Row.Id), ConnectorResponse.From(saved.Row, options.Value.PublicOrigin!)),
            ConnectorOutcome.Invalid invalid => ApiProblems.Validation(invalid.Errors),
            ConnectorOutcome.Taken taken => ApiProblems.Conflict(taken.Message),
            var other => throw new InvalidOperationException($"A create does not end as {other}."),
        };
    }

    public static async Task<Results<Ok<ConnectorResponse>, ValidationProblem, ProblemHttpResult>> PatchConnector(
        string id, HttpRequest request, ClaimsPrincipal user, ConnectorAdminService service, IOptions<ConnectorsOptions> options, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var body = await JsonBody.ReadObjectAsync(request, errors, ct);
        if (body is null)
        {
            return ApiProblems.Validation(errors);
        }

        return await service.PatchAsync(id, body, AdminActor.Of(user), ct) switch
        {
            ConnectorOutcome.Saved saved => TypedResults.Ok(ConnectorResponse.From(saved.Row, options.Value.PublicOrigin!)),
            ConnectorOutcome.Invalid invalid => ApiProblems.Validation(invalid.Errors),
            ConnectorOutcome.NotFound => ApiProblems.ConnectorNotFound(id),
            _ => ApiProblems.Conflict("The connector changed while this update was applied; read it again and retry."),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteConnector(
        string id, ClaimsPrincipal user, ConnectorAdminService service, CancellationToken ct) =>
        await service.DeleteAsync(id, AdminActor.Of(user), ct) ? TypedResults.NoContent() : ApiProblems.ConnectorNotFound(id);
}
