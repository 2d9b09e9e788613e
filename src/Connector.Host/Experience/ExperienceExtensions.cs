using Connector.Host.Connectors;
using Connector.Host.Pages;

namespace Connector.Host.Experience;

internal static class ExperienceExtensions
{
    public static IServiceCollection AddSignInExperience(this IServiceCollection services)
    {
        services.AddSingleton<ExperienceStore>();
        services.AddSingleton<ExperienceReader>();
        services.AddSingleton<ExperienceAdminService>();
        services.AddSingleton<IPageLookSource>(provider => provider.GetRequiredService<ExperienceReader>());
        services.AddSingleton<IConnectorLifecycleListener, ExperienceConnectorListener>();
        return services;
    }

    public static IEndpointRouteBuilder MapSignInExperience(this IEndpointRouteBuilder app) => app.MapSignInExperienceApi();
}
