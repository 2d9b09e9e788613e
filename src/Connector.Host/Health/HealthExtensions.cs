using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Connector.Host.Health;

internal static class HealthExtensions
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddConnectorsHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary><c>/healthz</c>: the process answers (no check runs). <c>/readyz</c>: database reachable and migrated.</summary>
    public static IEndpointRouteBuilder MapConnectorsHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
