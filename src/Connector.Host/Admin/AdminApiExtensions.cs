using Connector.Host.Admin.Apps;
using Connector.Host.Admin.Audit;
using Connector.Host.Admin.Connectors;
using Connector.Host.Admin.Discovery;
using Connector.Host.Admin.Presets;
using Connector.Host.Admin.Users;
using Connector.Host.Connectors;
using Connector.Host.Oidc.Keys;
using Connector.Host.Security;
using Connector.Host.SignIn;

namespace Connector.Host.Admin;

internal static class AdminApiExtensions
{
    public static IServiceCollection AddAdminApi(this IServiceCollection services)
    {
        services.AddSingleton<ConnectorDraftReader>();
        services.AddSingleton<ConnectorAdminService>();
        services.AddSingleton<ConnectorConfigLoader>();
        services.AddSingleton<ProviderMetadataClient>();
        services.AddSingleton<PresetCatalog>();
        return services;
    }

    /// <summary>Every admin surface hangs off one <c>/api</c> group whose policy demands an admin key: a new route cannot forget it.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api")
            .RequireAuthorization(AdminKeyDefaults.Policy)
            .MapConnectorsApi()
            .MapPresetsApi()
            .MapDiscoveryApi()
            .MapUsersApi()
            .MapAuditApi()
            .MapAppsApi()
            .MapOidcKeysApi()
            .MapDryRunApi();
        return app;
    }
}
