using Connector.OAuth2.Configuration;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tests.Support;

namespace Connector.OAuth2.Tests.Tokens;

public sealed class TokenResponseTests : IDisposable
{
    private readonly FakeProvider _provider = new();
    private readonly Engine _engine = new();

    [Fact]
    public async Task GitHubFormEncodedAnswer_IsDetectedFromContentTypeAndParsed()
    {
        _provider.OnToken(200, "application/x-www-form-urlencoded; charset=utf-8",
            "access_token=gho_FAKE123&expires_in=28800&refresh_token=ghr_FAKE&scope=read%3Auser%2Cuser%3Aemail&token_type=bearer");

        var result = await ExchangeAsync(Configs.For(_provider));

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal("gho_FAKE123", result.Value.AccessToken);
        Assert.Equal(28800, result.Value.ExpiresIn);
        Assert.Equal("ghr_FAKE", result.Value.RefreshToken);
        Assert.Equal("read:user user:email", result.Value.Scope); // GitHub's comma list, normalized
        Assert.Equal("Bearer", result.Value.TokenType);
    }

    [Fact]
    public async Task QueryStringType_ParsesAFormBodyWhateverTheContentTypeSays()
    {
        _provider.OnToken(200, "text/html", "access_token=at-form&token_type=bearer");

        var result = await ExchangeAsync(Configs.For(_provider) with { TokenEndpointResponseType = TokenResponseTypes.QueryString });

        Assert.Equal("at-form", result.Value?.AccessToken);
    }

    [Fact]
    public async Task JsonAnswer_AcceptsExpiresInAsNumericStringAndDefaultsTokenTypeToBearer()
    {
        _provider.OnTokenJson("""{"access_token":"at-1","expires_in":"3600","id_token":"h.p.s","unknown":{"x":1}}""");

        var result = await ExchangeAsync(Configs.For(_provider));

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal(3600, result.Value.ExpiresIn);
        Assert.Equal("Bearer", result.Value.TokenType);
        Assert.Equal("h.p.s", result.Value.IdToken);
    }

    [Fact]
    public async Task JsonAnswer_WithNumericExpiresIn_IsRead()
    {
        _provider.OnTokenJson("""{"access_token":"at-1","token_type":"Bearer","expires_in":7200}""");

        var result = await ExchangeAsync(Configs.For(_provider) with { TokenEndpointResponseType = TokenResponseTypes.Json });

        Assert.Equal(7200, result.Value?.ExpiresIn);
    }

    [Theory]
    [InlineData("""{"token_type":"Bearer"}""")]
    [InlineData("""{"access_token":"","token_type":"Bearer"}""")]
    [InlineData("""{"access_token":null}""")]
    public async Task MissingOrEmptyAccessToken_IsInvalidTokenResponse(string body)
    {
        _provider.OnTokenJson(body);

        var result = await ExchangeAsync(Configs.For(_provider));

        Assert.Equal(ConnectorErrorCodes.InvalidTokenResponse, result.Error?.Code);
    }

    [Fact]
    public async Task JsonTypeWithAFormBody_IsInvalidTokenResponse()
    {
        _provider.OnToken(200, "application/json", "access_token=at&token_type=bearer");

        var result = await ExchangeAsync(Configs.For(_provider) with { TokenEndpointResponseType = TokenResponseTypes.Json });

        Assert.Equal(ConnectorErrorCodes.InvalidTokenResponse, result.Error?.Code);
        Assert.Equal(200, result.Error?.ProviderStatus);
    }

    [Fact]
    public async Task HtmlWithStatus200_IsInvalidTokenResponse()
    {
        _provider.OnToken(200, "text/html", "<html><body>Sign in</body></html>");

        var result = await ExchangeAsync(Configs.For(_provider));

        Assert.Equal(ConnectorErrorCodes.InvalidTokenResponse, result.Error?.Code);
    }

    [Fact]
    public async Task RfcErrorOn400_KeepsTheProvidersErrorDescriptionAndStatus()
    {
        _provider.OnToken(400, "application/json", """{"error":"invalid_grant","error_description":"The code has expired."}""");

        var result = await ExchangeAsync(Configs.For(_provider));

        Assert.True(result.IsError);
        Assert.Equal(ConnectorErrorCodes.TokenExchangeFailed, result.Error.Code);
        Assert.Equal("invalid_grant", result.Error.ProviderError);
        Assert.Equal("The code has expired.", result.Error.ProviderErrorDescription);
        Assert.Equal(400, result.Error.ProviderStatus);
        Assert.Contains("invalid_grant", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlOn500_IsTokenExchangeFailedWithTheStatus()
    {
        _provider.OnToken(500, "text/html", "<html><h1>Internal Server Error</h1></html>");

        var result = await ExchangeAsync(Configs.For(_provider));

        Assert.True(result.IsError);
        Assert.Equal(ConnectorErrorCodes.TokenExchangeFailed, result.Error.Code);
        Assert.Equal(500, result.Error.ProviderStatus);
        Assert.Null(result.Error.ProviderError);
        Assert.DoesNotContain("<html>", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorFieldWithStatus200_IsAFailure()
    {
        // GitHub answers bad codes with HTTP 200 (Fixtures/providers/github.json).
        _provider.OnToken(200, "application/x-www-form-urlencoded",
            "error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.");

        var result = await ExchangeAsync(Configs.For(_provider));

        Assert.Equal(ConnectorErrorCodes.TokenExchangeFailed, result.Error?.Code);
        Assert.Equal("bad_verification_code", result.Error?.ProviderError);
        Assert.Equal("The code passed is incorrect or expired.", result.Error?.ProviderErrorDescription);
    }

    [Fact]
    public async Task ServerError_IsNeverRetried()
    {
        _provider.OnToken(503, "application/json", """{"error":"temporarily_unavailable"}""");

        var result = await ExchangeAsync(Configs.For(_provider));

        Assert.Equal(ConnectorErrorCodes.TokenExchangeFailed, result.Error?.Code);
        Assert.Equal("temporarily_unavailable", result.Error?.ProviderError);
        Assert.Single(_provider.Requests("/token"));
    }

    private Task<ConnectorResult<Connector.OAuth2.Tokens.TokenSet>> ExchangeAsync(OAuth2ConnectorConfig config) =>
        _engine.Connector.ExchangeCodeAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

    public void Dispose()
    {
        _engine.Dispose();
        _provider.Dispose();
    }
}
