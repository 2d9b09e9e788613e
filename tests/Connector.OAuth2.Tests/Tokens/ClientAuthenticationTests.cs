using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Tests.Support;

namespace Connector.OAuth2.Tests.Tokens;

public sealed class ClientAuthenticationTests : IDisposable
{
    private const string TokenJson = """{"access_token":"at-1","token_type":"Bearer","expires_in":3600}""";
    private readonly FakeProvider _provider = new();
    private readonly Engine _engine = new();

    [Fact]
    public async Task ClientSecretPost_SendsCredentialsCodeRedirectAndVerifierInTheForm()
    {
        _provider.OnTokenJson(TokenJson);

        var result = await _engine.Connector.ExchangeCodeAsync(Configs.For(_provider), Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.False(result.IsError, result.Error?.Message);
        var request = _provider.SingleRequest("/token");
        var form = request.Form();
        Assert.Equal("authorization_code", form["grant_type"]);
        Assert.Equal("code-abc", form["code"]);
        Assert.Equal(Configs.RedirectUri, form["redirect_uri"]);
        Assert.Equal("verifier-xyz", form["code_verifier"]);
        Assert.Equal(Configs.ClientId, form["client_id"]);
        Assert.Equal(Configs.ClientSecret, form["client_secret"]);
        Assert.False(request.HasHeader("Authorization"));
        Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("application/json", request.Header("Accept"), StringComparison.Ordinal);
        Assert.StartsWith("Connectors/", request.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Equal("identity", request.Header("Accept-Encoding")); // answers come uncompressed
    }

    [Fact]
    public async Task ClientSecretBasic_FormEncodesIdAndSecretBeforeBase64()
    {
        // RFC 6749 §2.3.1: application/x-www-form-urlencoded id and secret, then Basic.
        const string clientId = "my client:1";
        const string secret = "p:a%s+s wörd/?";
        _provider.OnTokenJson(TokenJson);
        var config = Configs.For(_provider) with
        {
            ClientId = clientId,
            ClientSecret = secret,
            TokenEndpointAuthMethod = TokenEndpointAuthMethods.ClientSecretBasic,
        };

        var result = await _engine.Connector.ExchangeCodeAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.False(result.IsError, result.Error?.Message);
        var request = _provider.SingleRequest("/token");
        var header = request.Header("Authorization") ?? "";
        Assert.StartsWith("Basic ", header, StringComparison.Ordinal);
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        var parts = decoded.Split(':');
        Assert.Equal(2, parts.Length); // the ':' inside the id and secret is encoded, only the separator remains
        Assert.Equal(clientId, System.Web.HttpUtility.UrlDecode(parts[0]));
        Assert.Equal(secret, System.Web.HttpUtility.UrlDecode(parts[1]));
        Assert.False(request.Form().ContainsKey("client_secret"));
    }

    [Theory]
    [InlineData("HS256", 20)]
    [InlineData("HS256", 64)]
    [InlineData("HS384", 20)]
    [InlineData("HS384", 64)]
    [InlineData("HS512", 20)]
    [InlineData("HS512", 64)]
    public async Task ClientSecretJwt_SignsAnAssertionWithSecretsOfAnyLength(string algorithm, int secretLength)
    {
        var secret = new string('k', secretLength - 3) + "ü!"; // 'ü' is two UTF-8 bytes
        _provider.OnTokenJson(TokenJson);
        var config = Configs.For(_provider) with
        {
            ClientSecret = secret,
            TokenEndpointAuthMethod = TokenEndpointAuthMethods.ClientSecretJwt,
            ClientSecretJwtSigningAlgorithm = algorithm,
        };

        var result = await _engine.Connector.ExchangeCodeAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.False(result.IsError, result.Error?.Message);
        var form = _provider.SingleRequest("/token").Form();
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
        Assert.False(form.ContainsKey("client_secret"));
        Assert.DoesNotContain(secret, _provider.SingleRequest("/token").RequestMessage!.Body, StringComparison.Ordinal);

        var parts = form["client_assertion"].Split('.');
        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        Assert.Equal(algorithm, header.RootElement.GetProperty("alg").GetString());
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var root = claims.RootElement;
        Assert.Equal(Configs.ClientId, root.GetProperty("iss").GetString());
        Assert.Equal(Configs.ClientId, root.GetProperty("sub").GetString());
        Assert.Equal(_provider.TokenEndpoint, root.GetProperty("aud").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("jti").GetString()));
        var iat = root.GetProperty("iat").GetInt64();
        var exp = root.GetProperty("exp").GetInt64();
        Assert.Equal(_engine.Clock.GetUtcNow().ToUnixTimeSeconds(), iat);
        Assert.InRange(exp - iat, 1, 300);

        var expected = Sign(algorithm, Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.Equal(Base64Url.EncodeToString(expected), parts[2]);
    }

    [Fact]
    public async Task ClientSecretJwt_UsesAFreshJtiForEveryAssertion()
    {
        _provider.OnTokenJson(TokenJson);
        var config = Configs.For(_provider) with { TokenEndpointAuthMethod = TokenEndpointAuthMethods.ClientSecretJwt };

        await _engine.Connector.ExchangeCodeAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);
        await _engine.Connector.ExchangeCodeAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        var jtis = _provider.Requests("/token")
            .Select(r => r.Form()["client_assertion"].Split('.')[1])
            .Select(p => JsonDocument.Parse(Base64Url.DecodeFromChars(p)).RootElement.GetProperty("jti").GetString())
            .ToList();
        Assert.Equal(2, jtis.Distinct().Count());
    }

    [Fact]
    public async Task CustomConfig_IsSentInSnakeCaseOnTheTokenRequest()
    {
        _provider.OnTokenJson(TokenJson);
        var config = Configs.For(_provider) with { CustomConfig = new Dictionary<string, string> { ["accessType"] = "offline" } };

        await _engine.Connector.ExchangeCodeAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.Equal("offline", _provider.SingleRequest("/token").Form()["access_type"]);
    }

    [Fact]
    public async Task WithoutPkce_NoCodeVerifierIsSent()
    {
        _provider.OnTokenJson(TokenJson);

        await _engine.Connector.ExchangeCodeAsync(Configs.For(_provider) with { Pkce = false }, Configs.Exchange(verifier: null), Configs.Calls(),
            TestContext.Current.CancellationToken);

        Assert.False(_provider.SingleRequest("/token").Form().ContainsKey("code_verifier"));
    }

    private static byte[] Sign(string algorithm, byte[] key, byte[] data) => algorithm switch
    {
        "HS256" => HMACSHA256.HashData(key, data),
        "HS384" => HMACSHA384.HashData(key, data),
        _ => HMACSHA512.HashData(key, data),
    };

    public void Dispose()
    {
        _engine.Dispose();
        _provider.Dispose();
    }
}
