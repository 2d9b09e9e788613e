using System.IO.Compression;
using System.Text;

namespace Connector.Resilience.Tests.Infrastructure;

/// <summary>A small gzip body that inflates to tens of megabytes of valid-looking JSON (a decompression bomb).</summary>
public sealed record GzipBomb(byte[] Compressed, long InflatedLength)
{
    private const int PaddingBytes = 32 * 1024 * 1024;

    public static GzipBomb Create(string prefix, string suffix)
    {
        using var output = new MemoryStream();
        var head = Encoding.UTF8.GetBytes(prefix);
        var tail = Encoding.UTF8.GetBytes(suffix);
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(head);
            var zeros = new byte[1024 * 1024];
            Array.Fill(zeros, (byte)'0');
            for (var written = 0; written < PaddingBytes; written += zeros.Length)
            {
                gzip.Write(zeros);
            }

            gzip.Write(tail);
        }

        return new GzipBomb(output.ToArray(), head.Length + PaddingBytes + tail.Length);
    }
}
