namespace Connector.Host.Oidc.Apps;

internal static class AppsExtensions
{
    public static IServiceCollection AddAppsApi(this IServiceCollection services)
    {
        // Scoped: OpenIddict's application manager (and its per-request entity cache) is scoped.
        services.AddScoped<AppAdminService>();
        return services;
    }
}
