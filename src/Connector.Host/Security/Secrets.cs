using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Connector.Host.Security;

/// <summary>Random values (sign-in states, browser bindings, session ids) and the digests stored in their place.</summary>
internal static class Secrets
{
    /// <summary>256 random bits, base64url: twice the 128 bits a state needs at least (RFC 9700 §4.7.1 asks for unguessable).</summary>
    public static string NewRandom()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    public static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
