using System.Net;
using System.Net.Sockets;
using Connector.Host.Configuration;
using Connector.Host.Problems;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Http;
using Microsoft.Extensions.Options;

namespace Connector.Host.Security;

/// <summary>
/// Save-time early warning of the outbound guard: a connector whose token, userinfo or email-lookup endpoint
/// resolves to an address provider calls may not reach is refused with <c>forbidden_address</c>. Only a warning:
/// DNS may answer differently later, so <see cref="OutboundConnectGuard"/>, on every connection, is the guard.
/// The authorization endpoint is left alone: only the user's browser visits it.
/// </summary>
internal sealed class EndpointAddressCheck(IOptions<ConnectorsOptions> options)
{
    public const string ForbiddenAddress = "forbidden_address";

    /// <summary>A name that does not resolve in time is not this check's business; the call will fail on its own.</summary>
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(3);

    public async Task CheckAsync(OAuth2ConnectorConfig config, FieldErrors errors, string prefix, CancellationToken ct)
    {
        if (options.Value.AllowInsecureEndpoints)
        {
            return;
        }

        (string Field, string? Url)[] endpoints =
        [
            ("tokenEndpoint", config.TokenEndpoint),
            ("userInfoEndpoint", config.UserInfoEndpoint),
            ("emailLookup.endpoint", config.EmailLookup?.Endpoint),
        ];
        foreach (var (field, url) in endpoints)
        {
            await CheckUrlAsync($"{prefix}.{field}", url, errors, ct);
        }
    }

    /// <summary>The same check of one outbound URL (a webhook's, say), its problem reported at <paramref name="path"/>.</summary>
    public async Task CheckUrlAsync(string path, string? url, FieldErrors errors, CancellationToken ct)
    {
        if (options.Value.AllowInsecureEndpoints || errors.Has(path) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return;
        }

        if (await FirstForbiddenAsync(uri.IdnHost, ct) is { } address)
        {
            var kind = OutboundAddressPolicy.Classify(address);
            errors.Add(path, ForbiddenAddress,
                $"{uri.IdnHost} resolves to {address} ({kind}); outbound calls may only reach public addresses.");
        }
    }

    private static async Task<IPAddress?> FirstForbiddenAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return OutboundAddressPolicy.IsAllowed(literal, allowPrivateNetworks: false) ? null : literal;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(LookupTimeout);
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
            return addresses.FirstOrDefault(address => !OutboundAddressPolicy.IsAllowed(address, allowPrivateNetworks: false));
        }
        catch (SocketException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
