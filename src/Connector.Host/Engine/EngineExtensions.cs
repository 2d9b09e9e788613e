using Connector.Host.Configuration;
using Connector.OAuth2;
using Connector.OAuth2.Http;
using Microsoft.Extensions.Options;

namespace Connector.Host.Engine;

internal static class EngineExtensions
{
    /// <summary>
    /// The connector engine and its one named outbound <see cref="HttpClient"/> (no redirects, no cookies,
    /// timeout and body cap, address guard), with the limits taken from <c>Connectors:Outbound</c>. Discovery calls go through it too.
    /// </summary>
    public static IServiceCollection AddConnectorEngine(this IServiceCollection services)
    {
        services.AddOAuth2Connector();
        services.AddOptions<ConnectorOutboundOptions>()
            .Configure<IOptions<ConnectorsOptions>>((engine, host) =>
            {
                engine.Timeout = TimeSpan.FromSeconds(host.Value.Outbound.TimeoutSeconds);
                engine.MaxResponseBytes = host.Value.Outbound.MaxResponseBytes;
                // The outbound guard (Connector.OAuth2/Http/OutboundConnectGuard): public https addresses only, unless
                // the operator opted into local fakes, which live on loopback over http.
                engine.AllowPrivateNetworks = host.Value.AllowInsecureEndpoints;
                engine.RequireHttps = !host.Value.AllowInsecureEndpoints;
            });
        return services;
    }
}
