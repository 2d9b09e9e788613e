using Scalar.AspNetCore;

namespace Connector.Host.OpenApi;

internal static class OpenApiExtensions
{
    public static IServiceCollection AddConnectorsOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer<AdminKeySecurityTransformer>());

    /// <summary>
    /// <c>/openapi/v1.json</c> and the reference page at <c>/scalar</c>. Scalar serves its script from this
    /// assembly; its web fonts are turned off so the page loads nothing from outside.
    /// </summary>
    public static IEndpointRouteBuilder MapConnectorsOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options
            .WithTitle("Connectors admin API")
            .DisableDefaultFonts()
            .AddPreferredSecuritySchemes(Security.AdminKeyDefaults.Scheme));
        return app;
    }
}
