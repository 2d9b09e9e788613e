using System.Security.Cryptography;
using System.Text;
using Connector.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Connector.Host.Security;

/// <summary>
/// The configured admin keys, held as SHA-256 digests. A presented key is compared with every digest in
/// constant time, so neither the timing of one comparison nor which key matched leaks through the answer time.
/// </summary>
internal sealed class AdminKeyRing(IOptions<ConnectorsOptions> options)
{
    private readonly byte[][] _digests = [.. options.Value.ConfiguredAdminKeys().Select(Digest)];

    /// <summary>An actor name for the audit trail (a short fingerprint of the key, not the key), or null when no key matches.</summary>
    public string? Match(string presented)
    {
        var digest = Digest(presented);
        var matched = false;
        foreach (var candidate in _digests)
        {
            matched |= CryptographicOperations.FixedTimeEquals(candidate, digest);
        }

        return matched ? ActorOf(digest) : null;
    }

    /// <summary>Whether <paramref name="actor"/> (from <see cref="Match"/>) still names a configured key: a console session of a key taken out of the configuration ends.</summary>
    public bool Holds(string actor) => _digests.Any(digest => ActorOf(digest) == actor);

    private static string ActorOf(byte[] digest) => $"admin-key:{Convert.ToHexStringLower(digest.AsSpan(0, 4))}";

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
