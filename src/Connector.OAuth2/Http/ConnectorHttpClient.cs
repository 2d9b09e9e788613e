using System.Diagnostics;
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
                // Answers uncompressed (RFC 9110 §12.5.3: with only identity listed, no other coding is acceptable):
                // a token or profile answer is a few hundred bytes, and inflating them cost every call more than the
                // bytes saved (docs/benchmarks/round-two-profile.md).
                client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
            })
            .ConfigurePrimaryHttpMessageHandler(provider =>
                CreatePrimaryHandler(provider.GetRequiredService<IOptions<ConnectorOutboundOptions>>().Value))
            // The engine holds one client for its lifetime (no per-call construction); connection reuse and DNS
            // refresh are the handler's job (PooledConnectionLifetime), so the factory need not rotate it.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The factory's own loggers hand request headers (bearer tokens, Basic credentials) to every
            // logging provider as structured state, where redaction does not reach. The engine logs outcomes itself.
            .RemoveAllLoggers();

    /// <param name="resolve">The name resolution the guard uses; DNS unless a test fakes it.</param>
    internal static SocketsHttpHandler CreatePrimaryHandler(ConnectorOutboundOptions options, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null) =>
        new()
        {
            // A provider answering 3xx is answering wrong; following it could leak a code or token.
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // Every connection goes through the address guard; a proxy would make the proxy's address the one
            // checked and let it reach what the guard refuses, so HTTP(S)_PROXY is not honoured.
            UseProxy = false,
            ConnectCallback = new OutboundConnectGuard(options.AllowPrivateNetworks, options.RequireHttps, resolve).ConnectAsync,
            // A provider is a third party: it gets no traceparent or baggage of ours, whatever span is current.
            ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
        };
}
