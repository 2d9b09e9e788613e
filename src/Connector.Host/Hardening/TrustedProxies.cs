using System.Net;
using Connector.Host.Configuration;
using Microsoft.AspNetCore.HttpOverrides;

namespace Connector.Host.Hardening;

/// <summary>
/// Forwarded headers believed only from <c>Connectors:ForwardedHeaders</c>'s proxies. ASP.NET Core's own defaults
/// trust loopback, and <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> trusts every sender; both are replaced here, so
/// without a configured proxy no request chooses its client address (and with it its rate-limit key) or its scheme.
/// </summary>
internal static class TrustedProxies
{
    public static void Configure(ForwardedHeadersOptions options, ForwardedHeadersSettings settings)
    {
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        if (!settings.Any)
        {
            options.ForwardedHeaders = ForwardedHeaders.None;
            return;
        }

        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
