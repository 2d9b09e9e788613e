using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Connector.OAuth2.Configuration;

namespace Connector.OAuth2.Tokens;

/// <summary>
/// The one place the engine builds a JWS compact serialization (RFC 7515 §3.1) for the token request: the client
/// assertions of <c>client_secret_jwt</c> and <c>private_key_jwt</c> (RFC 7523 §3) and Apple's signed client secret.
/// Signed with System.Security.Cryptography directly: HMAC keys of any length (see <see cref="ClientSecretJwt"/>) and
/// ECDSA in the fixed r‖s form RFC 7518 §3.4 asks for, without a token library's key-size policies in between.
/// </summary>
internal static class JwtAssertion
{
    /// <summary>RFC 7521 §4.2 / RFC 7523 §2.2: the <c>client_assertion_type</c> of a JWT assertion.</summary>
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>How long a client assertion is valid; at most five minutes, so a leaked one is soon useless.</summary>
    public static readonly TimeSpan ClientAssertionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// RFC 7523 §3 claims of a client assertion: <c>iss</c> = <c>sub</c> = the client id, <c>aud</c> = the token endpoint,
    /// a unique <c>jti</c> (the provider may refuse a repeated one), <c>iat</c> and <c>exp</c>.
    /// </summary>
    public static Claims ClientAssertionClaims(string clientId, string tokenEndpoint, TimeProvider time)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        return new Claims(clientId, clientId, tokenEndpoint, Guid.NewGuid().ToString("N"), now, now + (long)ClientAssertionLifetime.TotalSeconds);
    }

    /// <summary>Signs with a shared secret (HS256/384/512, RFC 7518 §3.2).</summary>
    public static string Sign(Header header, Claims claims, byte[] hmacKey) =>
        Build(header, claims, input => header.Alg switch
        {
            ClientSecretJwtAlgorithms.HS256 => HMACSHA256.HashData(hmacKey, input),
            ClientSecretJwtAlgorithms.HS384 => HMACSHA384.HashData(hmacKey, input),
            ClientSecretJwtAlgorithms.HS512 => HMACSHA512.HashData(hmacKey, input),
            _ => throw new ArgumentOutOfRangeException(nameof(header), header.Alg, "Not an HMAC algorithm the validator admits."),
        });

    /// <summary>Signs with a PEM private key (RS256: RSASSA-PKCS1-v1_5, RFC 7518 §3.3; ES256: P-256 ECDSA, §3.4).</summary>
    public static string Sign(Header header, Claims claims, string privateKeyPem)
    {
        using var key = PrivateKeyPem.Open(privateKeyPem, header.Alg);
        return Build(header, claims, input => key switch
        {
            // .NET's default signature format is IEEE P1363 (r‖s, 64 bytes for P-256): what JWS wants, not DER.
            ECDsa ec => ec.SignData(input, HashAlgorithmName.SHA256),
            RSA rsa => rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            _ => throw new InvalidOperationException("PrivateKeyPem opens only RSA and ECDsa keys."),
        });
    }

    private static string Build(Header header, Claims claims, Func<byte[], byte[]> sign)
    {
        var signingInput = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header, TokenJsonContext.Default.Header)) + "."
            + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims, TokenJsonContext.Default.Claims));
        return signingInput + "." + Base64Url.EncodeToString(sign(Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>The JOSE header (RFC 7515 §4.1); absent members are left out.</summary>
    internal sealed record Header(string Alg, string? Typ = null, string? Kid = null);

    /// <summary>The registered claims used here (RFC 7519 §4.1); a null <c>jti</c> is left out.</summary>
    internal sealed record Claims(string Iss, string Sub, string Aud, string? Jti, long Iat, long Exp);
}
