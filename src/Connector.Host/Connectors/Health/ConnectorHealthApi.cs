using Connector.Host.AdminApi;
using Connector.Host.Audit;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.Connectors.Health;

/// <summary>
/// <c>GET /api/connectors/{id}/health</c> (<c>docs/admin-api.md</c>): the connector's sign-ins of the last 24 hours by
/// outcome code, the p50/p95 of its provider calls over them, and its last provider error with the provider's own words.
/// All of it is read from the audit trail, where each sign-in's row carries its outcome, its provider calls' timings and
/// what the provider said; so every instance answers the same.
/// </summary>
internal static class ConnectorHealthApi
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>
    /// The outcomes that mean the provider failed, spoke or not: its error, a broken answer, silence. Not the user
    /// cancelling (<c>provider_access_denied</c>), though the provider says so in its words too.
    /// </summary>
    private static readonly string[] ProviderCodes =
    [
        ErrorCodes.ProviderError, ErrorCodes.TokenExchangeFailed, ErrorCodes.InvalidTokenResponse, ErrorCodes.UserInfoFailed,
        ErrorCodes.InvalidUserInfoResponse, ErrorCodes.ProviderTimeout,
    ];

    // The sign-in flow's audit action (SignIn/SignInAudit.cs); named here because SignIn sits above Connectors.
    private const string SignInAction = "sign_in";

    public static IEndpointRouteBuilder MapConnectorHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapAdminApi(AdminApiPaths.Connectors, "Connectors").MapGet("/{id}/health", GetConnectorHealth).WithName(nameof(GetConnectorHealth));
        return app;
    }

    public static async Task<Results<Ok<ConnectorHealthResponse>, ProblemHttpResult>> GetConnectorHealth(
        string id, ConnectorStore connectors, AuditStore audit, TimeProvider time, CancellationToken ct)
    {
        if (await connectors.GetAsync(id, ct) is null)
        {
            return ApiProblems.ConnectorNotFound(id);
        }

        var until = time.GetUtcNow();
        var since = until - Window;
        var health = await audit.HealthAsync(SignInAction, id, since, ProviderCodes, ct);
        return TypedResults.Ok(ConnectorHealthResponse.From(id, since, until, health));
    }
}
