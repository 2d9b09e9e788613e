using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Connector.Testing.Providers;

/// <summary>
/// The OpenID half of a <see cref="FakeProvider"/>: an RSA signing key published as a JWK Set at <see cref="JwksPath"/>,
/// ID tokens signed with it, the key rotated on demand, and the forgeries a verifier must refuse.
/// </summary>
public sealed class IdTokenIssuer : IDisposable
{
    public const string JwksPath = "/jwks";

    private readonly FakeProvider _provider;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private RSA _rsa = RSA.Create(2048);
    private int _generation = 1;

    public IdTokenIssuer(FakeProvider provider, string? issuer = null)
    {
        _provider = provider;
        Issuer = issuer ?? provider.Url;
        Publish();
    }

    public string Issuer { get; }

    public string JwksUri => _provider.Url + JwksPath;

    public string KeyId => "key-" + _generation;

    /// <summary>The provider starts signing with a new key and publishes only that one, as a rotation does.</summary>
    public void Rotate()
    {
        _rsa.Dispose();
        _rsa = RSA.Create(2048);
        _generation++;
        Publish();
    }

    /// <summary>
    /// A token for <paramref name="audience"/> issued at <paramref name="now"/>, valid for an hour, carrying
    /// <paramref name="nonce"/> (left out when null) and <paramref name="claims"/> (which replace the defaults).
    /// </summary>
    public string Issue(string audience, string? nonce, DateTimeOffset now, IDictionary<string, object>? claims = null, string? issuer = null) =>
        Sign(Payload(audience, nonce, now, claims, issuer), new SigningCredentials(SigningKey(_rsa, KeyId), SecurityAlgorithms.RsaSha256));

    /// <summary>
    /// A token with a recorded payload (<c>idTokenClaims</c> of a provider fixture, its own <c>iss</c> included, with
    /// <c>&lt;clientId&gt;</c> standing for <paramref name="audience"/>), plus this sign-in's audience, nonce and times.
    /// </summary>
    public string IssueRecorded(JsonObject recorded, string audience, string nonce, DateTimeOffset now)
    {
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(
            recorded.ToJsonString().Replace("<clientId>", audience, StringComparison.Ordinal))!;
        var payload = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
            ["nonce"] = nonce,
        };
        foreach (var (name, value) in claims)
        {
            payload[name] = value;
        }

        return Sign(payload, new SigningCredentials(SigningKey(_rsa, KeyId), SecurityAlgorithms.RsaSha256));
    }

    /// <summary>The same token signed by a key the provider never published, under the published key's id.</summary>
    public string IssueWithForeignKey(string audience, string? nonce, DateTimeOffset now)
    {
        using var foreign = RSA.Create(2048);
        return Sign(Payload(audience, nonce, now, null, null), new SigningCredentials(SigningKey(foreign, KeyId), SecurityAlgorithms.RsaSha256));
    }

    /// <summary>An unsigned token (<c>alg: none</c>, RFC 7519 §6): header and payload, empty signature.</summary>
    public string IssueUnsigned(string audience, string? nonce, DateTimeOffset now)
    {
        var header = Base64UrlEncoder.Encode($$"""{"alg":"none","typ":"JWT","kid":"{{KeyId}}"}""");
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(Payload(audience, nonce, now, null, null)));
        return $"{header}.{payload}.";
    }

    /// <summary>The algorithm-confusion forgery: HS256 keyed with the published public key's modulus.</summary>
    public string IssueHmacWithPublicKey(string audience, string? nonce, DateTimeOffset now)
    {
        var secret = _rsa.ExportParameters(false).Modulus!;
        var credentials = new SigningCredentials(new SymmetricSecurityKey(secret) { KeyId = KeyId }, SecurityAlgorithms.HmacSha256);
        return Sign(Payload(audience, nonce, now, null, null), credentials);
    }

    private Dictionary<string, object> Payload(string audience, string? nonce, DateTimeOffset now, IDictionary<string, object>? claims, string? issuer)
    {
        var payload = new Dictionary<string, object>
        {
            ["iss"] = issuer ?? Issuer,
            ["sub"] = "oidc-user-1",
            ["aud"] = audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
            ["name"] = "Olive Idtoken",
            ["email"] = "olive@example.com",
            ["email_verified"] = true,
        };
        if (nonce is not null)
        {
            payload["nonce"] = nonce;
        }

        foreach (var (name, value) in claims ?? new Dictionary<string, object>())
        {
            payload[name] = value;
        }

        return payload;
    }

    private string Sign(Dictionary<string, object> payload, SigningCredentials credentials) =>
        _handler.CreateToken(JsonSerializer.Serialize(payload), credentials);

    private static RsaSecurityKey SigningKey(RSA rsa, string kid) => new(rsa) { KeyId = kid };

    private void Publish()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = KeyId });
        var body = JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = jwk.Kty, use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } },
        });
        _provider.On("GET", JwksPath, FakeProvider.Json(body));
    }

    public void Dispose() => _rsa.Dispose();
}
