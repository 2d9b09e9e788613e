using System.Net;
using System.Net.Sockets;

namespace Connector.OAuth2.Http;

/// <summary>
/// The outbound client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host itself, keeps only the
/// addresses <see cref="OutboundAddressPolicy"/> allows, and connects to one of those. The address checked is the
/// address connected to, so a name that resolves to a public address when a connector is saved and to 127.0.0.1
/// when it is called (DNS rebinding) is refused on the call.
/// </summary>
internal sealed class OutboundConnectGuard(bool allowPrivateNetworks, bool requireHttps, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolve ?? Dns.GetHostAddressesAsync;

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        if (requireHttps && context.InitialRequestMessage.RequestUri?.Scheme != Uri.UriSchemeHttps)
        {
            throw new OutboundCallRefusedException($"{host} was to be called over plain http; provider calls must use https.");
        }

        var literal = host.StartsWith('[') ? host[1..^1] : host;
        var addresses = IPAddress.TryParse(literal, out var address) ? [address] : await _resolve(host, cancellationToken);
        var allowed = addresses.Where(a => OutboundAddressPolicy.IsAllowed(a, allowPrivateNetworks)).ToArray();
        if (allowed.Length == 0)
        {
            var refused = addresses.FirstOrDefault();
            throw new OutboundCallRefusedException(host, refused, refused is null ? OutboundAddressKind.Reserved : OutboundAddressPolicy.Classify(refused));
        }

        SocketException? last = null;
        foreach (var candidate in allowed)
        {
            var socket = new Socket(candidate.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(candidate, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}
