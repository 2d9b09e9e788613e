using System.Net;
using System.Net.Sockets;

namespace Connector.Testing.Network;

public static class LoopbackPort
{
    /// <summary>A loopback port the system reports free at the time of asking.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A loopback URL nothing listens on: connecting to it is refused at once (TCP RST).</summary>
    public static string ClosedUrl() => $"http://127.0.0.1:{Free()}";
}
