namespace Connector.Host.Problems;

internal static class ProblemsExtensions
{
    /// <summary>Problem answers everywhere: every one carries a <c>code</c>, bad input becomes a 400, unhandled errors a 500 without details.</summary>
    public static IServiceCollection AddConnectorsProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd("code", ErrorCodes.ForStatus(status));
            if (status == StatusCodes.Status415UnsupportedMediaType)
            {
                context.ProblemDetails.Detail ??= "Send the body as JSON with 'Content-Type: application/json'.";
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
