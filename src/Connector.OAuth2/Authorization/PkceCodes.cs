using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Connector.OAuth2.Authorization;

/// <summary>An RFC 7636 code verifier and its S256 challenge.</summary>
public sealed record PkceCodes(string Verifier, string Challenge)
{
    public const string Method = "S256";

    /// <summary>A verifier of 32 random bytes (43 base64url characters, RFC 7636 §4.1) and its challenge.</summary>
    public static PkceCodes Create()
    {
        Span<byte> random = stackalloc byte[32];
        RandomNumberGenerator.Fill(random);
        var verifier = Base64Url.EncodeToString(random);
        return new PkceCodes(verifier, ChallengeFor(verifier));
    }

    /// <summary>RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))).</summary>
    public static string ChallengeFor(string verifier)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes(verifier), hash);
        return Base64Url.EncodeToString(hash);
    }
}
