using Connector.Host.Connectors.Api;
using Connector.Host.Connectors.Discovery;
using Connector.Host.Connectors.Health;
using Connector.Host.Connectors.Presets;

namespace Connector.Host.Connectors;

internal static class ConnectorsExtensions
{
    /// <summary>Stored connectors, their cached decrypted form for the flow, and the admin API over them.</summary>
    public static IServiceCollection AddConnectors(this IServiceCollection services)
    {
        services.AddSingleton<ConnectorStore>();
        services.AddSingleton<ConnectorConfigLoader>();
        services.AddSingleton<ConnectorDraftReader>();
        services.AddSingleton<ConnectorAdminService>();
        services.AddSingleton<ProviderMetadataClient>();
        services.AddSingleton<ConnectorDiscovery>();
        services.AddSingleton<PresetCatalog>();
        return services;
    }

    public static IEndpointRouteBuilder MapConnectors(this IEndpointRouteBuilder app) =>
        app.MapConnectorsApi().MapConnectorHealthApi().MapPresetsApi().MapDiscoveryApi();
}
