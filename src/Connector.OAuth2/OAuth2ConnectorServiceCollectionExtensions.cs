using Connector.OAuth2.Diagnostics;
using Connector.OAuth2.Http;
using Connector.OAuth2.Profiles;
using Connector.OAuth2.Tokens;
using Connector.OAuth2.UserInfo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Connector.OAuth2;

public static class OAuth2ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the connector engine and its named HttpClient. The returned builder lets a host add
    /// handlers (an outbound address guard, say) to the client every provider call uses.
    /// </summary>
    public static IHttpClientBuilder AddOAuth2Connector(this IServiceCollection services, Action<ConnectorOutboundOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ConnectorOutboundOptions>()
            .Validate(o => o.Timeout > TimeSpan.Zero, "Outbound timeout must be positive.")
            .Validate(o => o.MaxResponseBytes > 0, "Outbound MaxResponseBytes must be positive.");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        // IMeterFactory for the provider-call meter: a host's own, or one of the engine's when used alone.
        services.AddMetrics();
        services.TryAddSingleton<ProviderTelemetry>();
        services.TryAddSingleton<TokenClient>();
        services.TryAddSingleton<UserInfoClient>();
        services.TryAddSingleton<ProfileMapCache>();
        services.TryAddSingleton(provider => new OAuth2Connector(
            provider.GetRequiredService<TokenClient>(), provider.GetRequiredService<UserInfoClient>(), provider.GetRequiredService<ProfileMapCache>()));
        return ConnectorHttpClient.Add(services);
    }
}
