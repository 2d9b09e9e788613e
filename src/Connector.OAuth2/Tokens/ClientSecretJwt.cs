using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Connector.OAuth2.Configuration;

namespace Connector.OAuth2.Tokens;

/// <summary>
/// A <c>client_secret_jwt</c> client assertion (RFC 7523 §2.2, OIDC Core §9): HMAC over the client secret.
/// Signed here rather than through Microsoft.IdentityModel, which refuses HMAC keys shorter than the hash
/// (IDX10720) while providers issue short secrets and Logto signs with them.
/// </summary>
internal static class ClientSecretJwt
{
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>How long an assertion is valid; at most five minutes, so a leaked one is soon useless.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static string Create(string clientId, string clientSecret, string audience, string algorithm, TimeProvider time)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var header = JsonSerializer.SerializeToUtf8Bytes(new Header(algorithm, "JWT"), TokenJsonContext.Default.Header);
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new Payload(clientId, clientId, audience, Guid.NewGuid().ToString("N"), now, now + (long)Lifetime.TotalSeconds),
            TokenJsonContext.Default.Payload);

        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
        var signature = Sign(algorithm, Encoding.UTF8.GetBytes(clientSecret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private static byte[] Sign(string algorithm, byte[] key, byte[] data) => algorithm switch
    {
        ClientSecretJwtAlgorithms.HS256 => HMACSHA256.HashData(key, data),
        ClientSecretJwtAlgorithms.HS384 => HMACSHA384.HashData(key, data),
        ClientSecretJwtAlgorithms.HS512 => HMACSHA512.HashData(key, data),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "The validator admits only HS256, HS384 and HS512."),
    };

    internal sealed record Header(string Alg, string Typ);

    internal sealed record Payload(string Iss, string Sub, string Aud, string Jti, long Iat, long Exp);
}
