using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connector.OAuth2.Http;

/// <summary>The one named <see cref="HttpClient"/> every provider call goes through.</summary>
public static class ConnectorHttpClient
{
    public const string Name = "Connector.OAuth2";

    internal static IHttpClientBuilder Add(IServiceCollection services) =>
        services.AddHttpClient(Name)
            .ConfigureHttpClient((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<ConnectorOutboundOptions>>().Value;
                client.Timeout = options.Timeout;
                // HttpClient buffers answers (ResponseContentRead) and refuses one over this size
                // with HttpRequestError.ConfigurationLimitExceeded, before reading it all.
                client.MaxResponseContentBufferSize = options.MaxResponseBytes;
                client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<ConnectorOutboundOptions>>().Value;
                return new SocketsHttpHandler
                {
                    // A provider answering 3xx is answering wrong; following it could leak a code or token.
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    ConnectTimeout = options.Timeout,
                    AutomaticDecompression = DecompressionMethods.All,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                };
            })
            // The engine holds one client for its lifetime (no per-call construction); connection reuse and DNS
            // refresh are the handler's job (PooledConnectionLifetime), so the factory need not rotate it.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The factory's own loggers hand request headers (bearer tokens, Basic credentials) to every
            // logging provider as structured state, where redaction does not reach. The engine logs outcomes itself.
            .RemoveAllLoggers();
}
