using Connector.Host.AdminApi;
using Connector.Host.Connectors;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.SignIn;

/// <summary><c>POST /api/connectors/{id}/test</c>: a dry-run sign-in URL for the admin (<c>docs/admin-api.md</c>).</summary>
internal static class DryRunApi
{
    public static IEndpointRouteBuilder MapDryRunApi(this IEndpointRouteBuilder app)
    {
        app.MapAdminApi(AdminApiPaths.Connectors, "Connectors").MapPost("/{id}/test", StartTestAsync).WithName("TestConnector");
        return app;
    }

    private static async Task<Results<Ok<DryRunStarted>, ProblemHttpResult>> StartTestAsync(
        string id, ConnectorConfigLoader connectors, SignInStarter starter, CancellationToken ct)
    {
        var connector = await connectors.LoadAsync(id, ct);
        if (connector is null)
        {
            return ApiProblems.ConnectorNotFound(id);
        }

        var url = await starter.StartTestAsync(connector, back: null, ct);
        return TypedResults.Ok(new DryRunStarted(url.AbsoluteUri));
    }
}
