using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Connector.Resilience.Tests.Infrastructure;

/// <summary>
/// A raw HTTP/1.1 server whose every answer promises more bytes (Content-Length) than it sends before closing
/// the connection: a body cut off in transit. Raw sockets, because a real server corrects a wrong length.
/// </summary>
public sealed class TruncatingServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _answer;
    private int _requests;

    public TruncatingServer(string partialJson, int promisedLength)
    {
        var body = Encoding.UTF8.GetBytes(partialJson);
        Assert.True(promisedLength > body.Length);
        _answer = [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {promisedLength}\r\n\r\n"), .. body];
        _listener.Start();
        _ = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Requests => Volatile.Read(ref _requests);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[16 * 1024];
            var received = new StringBuilder();
            // Enough of the request to know it arrived: its header block (a token request's small form follows it).
            while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            Interlocked.Increment(ref _requests);
            await stream.WriteAsync(_answer, _stop.Token);
            await stream.FlushAsync(_stop.Token);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
