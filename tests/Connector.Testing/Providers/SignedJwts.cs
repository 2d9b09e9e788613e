using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Connector.Testing.Providers;

/// <summary>
/// What a provider does with a JWT a client sends it (a <c>client_assertion</c>, Apple's signed <c>client_secret</c>):
/// checks its signature with the client's public key, here through Microsoft.IdentityModel, an implementation the
/// engine's own signing code does not share. The claims are left to the test to assert one by one.
/// </summary>
public static class SignedJwts
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>The token when its signature verifies with <paramref name="publicKey"/> under <paramref name="algorithm"/>; fails the test otherwise.</summary>
    public static JsonWebToken Verify(string jwt, SecurityKey publicKey, string algorithm)
    {
        var result = Handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKey = publicKey,
            ValidAlgorithms = [algorithm],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false, // the tests run on a fixed fake clock and assert iat/exp themselves
            RequireSignedTokens = true,
            TryAllIssuerSigningKeys = true,
        }).GetAwaiter().GetResult();
        Assert.True(result.IsValid, $"The JWT's signature does not verify: {result.Exception?.Message}");
        return (JsonWebToken)result.SecurityToken;
    }

    /// <summary>As <see cref="Verify(string, SecurityKey, string)"/>, with the key given as a public JWK (RFC 7517) in JSON.</summary>
    public static JsonWebToken Verify(string jwt, string publicJwkJson, string algorithm) =>
        Verify(jwt, new JsonWebKey(publicJwkJson), algorithm);

    /// <summary>A fresh P-256 key pair: the PEM (PKCS#8, as Apple's .p8) and the public half.</summary>
    public static (string Pem, SecurityKey PublicKey) NewEcKey(ECCurve? curve = null)
    {
        using var key = ECDsa.Create(curve ?? ECCurve.NamedCurves.nistP256);
        var pub = ECDsa.Create(key.ExportParameters(false));
        return (key.ExportPkcs8PrivateKeyPem(), new ECDsaSecurityKey(pub));
    }

    /// <summary>A fresh RSA key pair of <paramref name="bits"/>: the PEM (PKCS#8) and the public half.</summary>
    public static (string Pem, SecurityKey PublicKey) NewRsaKey(int bits = 2048)
    {
        using var key = RSA.Create(bits);
        return (key.ExportPkcs8PrivateKeyPem(), new RsaSecurityKey(key.ExportParameters(false)));
    }
}
