using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Connector.OAuth2.Configuration;

namespace Connector.OAuth2.Tokens;

/// <summary>
/// The public half of a <see cref="ClientAssertionKey"/> as a JWK (RFC 7517 §4; RFC 7518 §6.2 for EC, §6.3 for RSA):
/// what the administrator registers at the provider (or publishes in a JWK Set) so it can check the assertions.
/// </summary>
public sealed record PublicJwk
{
    [JsonPropertyName("kty")] public required string Kty { get; init; }
    [JsonPropertyName("kid")] public required string Kid { get; init; }
    [JsonPropertyName("alg")] public required string Alg { get; init; }

    /// <summary>RFC 7517 §4.2: the key signs, it does not encrypt.</summary>
    [JsonPropertyName("use")] public string Use { get; init; } = "sig";

    [JsonPropertyName("crv"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Crv { get; init; }
    [JsonPropertyName("x"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? X { get; init; }
    [JsonPropertyName("y"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Y { get; init; }
    [JsonPropertyName("n"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? N { get; init; }
    [JsonPropertyName("e"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? E { get; init; }

    /// <summary>The public JWK of a valid key; null when the key does not pass the validator (nothing to register then).</summary>
    public static PublicJwk? From(ClientAssertionKey key)
    {
        if (PrivateKeyPem.Check(key.PrivateKey, key.Algorithm) is not null)
        {
            return null;
        }

        using var opened = PrivateKeyPem.Open(key.PrivateKey, key.Algorithm);
        if (opened is ECDsa ec)
        {
            var point = ec.ExportParameters(includePrivateParameters: false).Q;
            return new PublicJwk { Kty = "EC", Kid = key.KeyId, Alg = key.Algorithm, Crv = "P-256", X = Encode(point.X!), Y = Encode(point.Y!) };
        }

        var rsa = ((RSA)opened).ExportParameters(includePrivateParameters: false);
        return new PublicJwk { Kty = "RSA", Kid = key.KeyId, Alg = key.Algorithm, N = Encode(rsa.Modulus!), E = Encode(rsa.Exponent!) };
    }

    private static string Encode(byte[] value) => Base64Url.EncodeToString(value);
}
