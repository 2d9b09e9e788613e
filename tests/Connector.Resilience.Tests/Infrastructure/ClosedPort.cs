using System.Net;
using System.Net.Sockets;

namespace Connector.Resilience.Tests.Infrastructure;

/// <summary>A loopback URL nothing listens on: connecting to it is refused at once (TCP RST).</summary>
public static class ClosedPort
{
    public static string Url()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
