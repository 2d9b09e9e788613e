using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Connector.OAuth2.Authorization;

/// <summary>
/// The OpenID Connect <c>nonce</c> (Core 1.0 §3.1.2.1, §15.5.2): a fresh random value sent on the authorization
/// request, which the ID token must carry back. Only its <see cref="Digest"/> needs keeping: the check hashes the
/// token's claim and compares, so a stored digest cannot be turned back into a value to put into a forged request.
/// </summary>
public sealed record OidcNonce(string Value, byte[] Digest)
{
    /// <summary>32 random bytes, base64url: as unguessable as the state.</summary>
    public static OidcNonce Create()
    {
        Span<byte> random = stackalloc byte[32];
        RandomNumberGenerator.Fill(random);
        var value = Base64Url.EncodeToString(random);
        return new OidcNonce(value, DigestOf(value));
    }

    /// <summary>SHA-256 of the value's UTF-8 bytes.</summary>
    public static byte[] DigestOf(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    /// <summary>True when <paramref name="claim"/> is the nonce whose digest is <paramref name="expectedDigest"/>; constant time.</summary>
    public static bool Matches(string? claim, byte[] expectedDigest) =>
        !string.IsNullOrEmpty(claim) && CryptographicOperations.FixedTimeEquals(DigestOf(claim), expectedDigest);

    // The value is a one-time secret of a sign-in in progress: keep it out of logs.
    public override string ToString() => "OidcNonce { … }";
}
