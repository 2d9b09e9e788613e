using Connector.Host.Connectors;
using Connector.Host.Users;

namespace Connector.Host.TokenVault;

internal static class TokenVaultExtensions
{
    /// <summary>The token vault: its store, its protector, the sign-in's sink and the connectors' listener.</summary>
    public static IServiceCollection AddTokenVault(this IServiceCollection services)
    {
        services.AddSingleton<IdentityTokenProtector>();
        services.AddSingleton<IdentityTokenStore>();
        services.AddSingleton<IdentityTokenVault>();
        services.AddSingleton<IIdentityTokenSink, VaultSignInSink>();
        services.AddSingleton<IConnectorLifecycleListener, VaultConnectorListener>();
        return services;
    }

    public static IEndpointRouteBuilder MapTokenVault(this IEndpointRouteBuilder app) => app.MapTokenVaultApi();
}
