using Connector.Host.AdminApi;
using Connector.Host.AdminApi.Input;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.Connectors.Discovery;

/// <summary><c>POST /api/connectors/discover</c>: reads a provider's <c>.well-known</c> metadata and answers a prefilled config.</summary>
internal static class DiscoveryApi
{
    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        app.MapAdminApi(AdminApiPaths.Connectors, "Connectors").MapPost("/discover", DiscoverConnector).WithName(nameof(DiscoverConnector))
            .Accepts<DiscoverRequest>("application/json");
        return app;
    }

    public static async Task<Results<Ok<DiscoveryResponse>, ValidationProblem, ProblemHttpResult>> DiscoverConnector(
        HttpRequest request, ConnectorDiscovery discovery, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var body = await JsonBody.ReadObjectAsync(request, errors, ct);
        if (body is null)
        {
            return ApiProblems.Validation(errors);
        }

        return await discovery.DiscoverAsync(body, ct) switch
        {
            DiscoveryOutcome.Found found => TypedResults.Ok(found.Response),
            DiscoveryOutcome.Invalid invalid => ApiProblems.Validation(invalid.Errors),
            DiscoveryOutcome.Failed { Code: ErrorCodes.ProviderTimeout } timeout => ApiProblems.ProviderTimeout(timeout.Message),
            DiscoveryOutcome.Failed failed => ApiProblems.ProviderError(failed.Message, failed.ProviderStatus),
            var other => throw new InvalidOperationException($"A discovery does not end as {other}."),
        };
    }
}
