using Connector.Host.Configuration;
using Connector.OAuth2;
using Connector.OAuth2.Http;
using Microsoft.Extensions.Options;

namespace Connector.Host.Engine;

internal static class EngineExtensions
{
    /// <summary>
    /// The connector engine and its one named outbound <see cref="HttpClient"/> (no redirects, no cookies,
    /// timeout and body cap), with the limits taken from <c>Connectors:Outbound</c>. Discovery calls go through it too.
    /// </summary>
    public static IServiceCollection AddConnectorEngine(this IServiceCollection services)
    {
        services.AddOAuth2Connector();
        services.AddOptions<ConnectorOutboundOptions>()
            .Configure<IOptions<ConnectorsOptions>>((engine, host) =>
            {
                engine.Timeout = TimeSpan.FromSeconds(host.Value.Outbound.TimeoutSeconds);
                engine.MaxResponseBytes = host.Value.Outbound.MaxResponseBytes;
            });
        return services;
    }
}
