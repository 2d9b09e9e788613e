using System.Text;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tests.Support;

namespace Connector.OAuth2.Tests.Tokens;

/// <summary>The refresh-token grant (RFC 6749 §6) as it goes over the wire, and how the provider's answers come back.</summary>
public sealed class RefreshTokenGrantTests : IDisposable
{
    private readonly FakeProvider _provider = new();
    private readonly Engine _engine = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Refresh_SendsGrantTypeRefreshTokenAndClientCredentials_AndNoCodeParameters()
    {
        _provider.OnTokenJson("""{"access_token":"at-2","token_type":"bearer","expires_in":"1800","refresh_token":"rt-2","scope":"read write"}""");

        var result = await _engine.Connector.RefreshTokensAsync(Configs.For(_provider), "rt-1", Configs.Calls(), Ct);

        Assert.False(result.IsError, result.Error?.Message);
        var form = _provider.SingleRequest("/token").Form();
        Assert.Equal("refresh_token", form["grant_type"]);
        Assert.Equal("rt-1", form["refresh_token"]);
        Assert.Equal(Configs.ClientId, form["client_id"]);
        Assert.Equal(Configs.ClientSecret, form["client_secret"]);
        Assert.False(form.ContainsKey("code"));
        Assert.False(form.ContainsKey("redirect_uri"));
        Assert.False(form.ContainsKey("code_verifier"));
        Assert.Equal(("at-2", "Bearer", 1800L, "rt-2", "read write"),
            (result.Value.AccessToken, result.Value.TokenType, result.Value.ExpiresIn, result.Value.RefreshToken, result.Value.Scope));
    }

    [Fact]
    public async Task Refresh_WithClientSecretBasic_AuthenticatesInTheHeaderAsTheCodeExchangeDoes()
    {
        _provider.OnTokenJson("""{"access_token":"at-2","token_type":"Bearer","expires_in":3600}""");
        var config = Configs.For(_provider) with { TokenEndpointAuthMethod = TokenEndpointAuthMethods.ClientSecretBasic };

        var result = await _engine.Connector.RefreshTokensAsync(config, "rt-1", Configs.Calls(), Ct);

        Assert.False(result.IsError, result.Error?.Message);
        var request = _provider.SingleRequest("/token");
        var header = request.Header("Authorization") ?? "";
        Assert.StartsWith("Basic ", header, StringComparison.Ordinal);
        Assert.Equal($"{Configs.ClientId}:{Configs.ClientSecret}", Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])));
        Assert.False(request.Form().ContainsKey("client_secret"));
        Assert.Equal("refresh_token", request.Form()["grant_type"]);
    }

    [Fact]
    public async Task Refresh_WithPrivateKeyJwt_SendsAFreshAssertionThatVerifiesWithThePublicKey()
    {
        var (pem, publicKey) = SignedJwts.NewEcKey();
        _provider.OnTokenJson("""{"access_token":"at-2","token_type":"Bearer","expires_in":3600}""");
        var config = Configs.For(_provider) with
        {
            ClientSecret = "",
            TokenEndpointAuthMethod = TokenEndpointAuthMethods.PrivateKeyJwt,
            ClientAssertionKey = new ClientAssertionKey { PrivateKey = pem, KeyId = "key-1", Algorithm = ClientAssertionAlgorithms.ES256 },
        };

        var result = await _engine.Connector.RefreshTokensAsync(config, "rt-1", Configs.Calls(), Ct);

        Assert.False(result.IsError, result.Error?.Message);
        var form = _provider.SingleRequest("/token").Form();
        Assert.Equal("refresh_token", form["grant_type"]);
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
        var jwt = SignedJwts.Verify(form["client_assertion"], publicKey, ClientAssertionAlgorithms.ES256);
        Assert.Equal([_provider.TokenEndpoint], jwt.Audiences);
        Assert.False(form.ContainsKey("client_secret"));
    }

    [Fact]
    public async Task Refresh_OfAProviderThatDoesNotRotate_AnswersNoRefreshToken()
    {
        _provider.OnTokenJson("""{"access_token":"at-2","token_type":"Bearer","expires_in":3600}""");

        var result = await _engine.Connector.RefreshTokensAsync(Configs.For(_provider), "rt-1", Configs.Calls(), Ct);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Null(result.Value.RefreshToken);
    }

    [Fact]
    public async Task Refresh_RefusedWithInvalidGrant_KeepsTheProvidersErrorAndDescription()
    {
        _provider.OnTokenJson("""{"error":"invalid_grant","error_description":"Token has been expired or revoked."}""", 400);

        var result = await _engine.Connector.RefreshTokensAsync(Configs.For(_provider), "rt-dead", Configs.Calls(), Ct);

        Assert.True(result.IsError);
        Assert.Equal(ConnectorErrorCodes.TokenExchangeFailed, result.Error.Code);
        Assert.Equal("invalid_grant", result.Error.ProviderError);
        Assert.Equal("Token has been expired or revoked.", result.Error.ProviderErrorDescription);
        Assert.Equal(400, result.Error.ProviderStatus);
    }

    [Fact]
    public async Task Refresh_AnsweredWithoutAnAccessToken_IsAnInvalidTokenResponse()
    {
        _provider.OnTokenJson("""{"token_type":"Bearer"}""");

        var result = await _engine.Connector.RefreshTokensAsync(Configs.For(_provider), "rt-1", Configs.Calls(), Ct);

        Assert.True(result.IsError);
        Assert.Equal(ConnectorErrorCodes.InvalidTokenResponse, result.Error.Code);
    }

    public void Dispose()
    {
        _engine.Dispose();
        _provider.Dispose();
    }
}
