using Connector.OAuth2.Results;
using Connector.OAuth2.Tests.Support;

namespace Connector.OAuth2.Tests.Tokens;

/// <summary>Token answers of real providers (Fixtures/providers) that a status code alone would misjudge.</summary>
public sealed class ProviderTokenQuirksTests : IDisposable
{
    private readonly FakeProvider _provider = new();
    private readonly Engine _engine = new();

    [Fact]
    public async Task SlackOkFalseWithStatus200_IsAFailureKeepingTheError()
    {
        _provider.OnTokenJson("""{"ok":false,"error":"invalid_code"}""");

        var result = await ExchangeAsync();

        Assert.Equal(ConnectorErrorCodes.TokenExchangeFailed, result.Error?.Code);
        Assert.Equal("invalid_code", result.Error?.ProviderError);
        Assert.Equal(200, result.Error?.ProviderStatus);
    }

    [Fact]
    public async Task SlackOkTrue_IsASuccess()
    {
        _provider.OnTokenJson("""{"ok":true,"access_token":"xoxp-1","token_type":"Bearer"}""");

        var result = await ExchangeAsync();

        Assert.Equal("xoxp-1", result.Value?.AccessToken);
    }

    [Fact]
    public async Task TwitchStatusMessageError_KeepsTheMessage()
    {
        _provider.OnToken(400, "application/json", """{"status":400,"message":"Invalid authorization code"}""");

        var result = await ExchangeAsync();

        Assert.Equal(ConnectorErrorCodes.TokenExchangeFailed, result.Error?.Code);
        Assert.Equal("Invalid authorization code", result.Error?.ProviderErrorDescription);
        Assert.Contains("Invalid authorization code", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FacebookNestedErrorObject_KeepsTypeAndMessage()
    {
        _provider.OnToken(400, "application/json; charset=UTF-8",
            """{"error":{"message":"This authorization code has expired.","type":"OAuthException","code":100,"fbtrace_id":"AFake"}}""");

        var result = await ExchangeAsync();

        Assert.Equal("OAuthException", result.Error?.ProviderError);
        Assert.Equal("This authorization code has expired.", result.Error?.ProviderErrorDescription);
    }

    [Fact]
    public async Task LongProviderText_IsTruncated()
    {
        var description = new string('d', 5000);
        _provider.OnToken(400, "application/json", $$"""{"error":"invalid_grant","error_description":"{{description}}","error_codes":[70008],"trace_id":"t"}""");

        var result = await ExchangeAsync();

        Assert.Equal("invalid_grant", result.Error?.ProviderError);
        Assert.InRange(result.Error!.ProviderErrorDescription!.Length, 100, 400);
    }

    [Theory]
    [InlineData("""{"access_token":"a","scope":["user:read:email","chat:read"],"token_type":"bearer"}""", "user:read:email chat:read")]
    [InlineData("""{"access_token":"a","scope":"r_liteprofile,r_emailaddress","token_type":"Bearer"}""", "r_liteprofile r_emailaddress")]
    [InlineData("""{"access_token":"a","scope":"openid email","token_type":"BEARER"}""", "openid email")]
    public async Task ScopeAsStringCommaListOrArray_IsSpaceSeparatedAndTokenTypeIsBearer(string body, string scope)
    {
        _provider.OnTokenJson(body);

        var result = await ExchangeAsync();

        Assert.Equal(scope, result.Value?.Scope);
        Assert.Equal("Bearer", result.Value?.TokenType);
    }

    [Fact]
    public async Task UnknownExtraFields_AreIgnored()
    {
        // GitLab created_at, Microsoft ext_expires_in, Dropbox account_id/uid.
        _provider.OnTokenJson("""{"access_token":"a","created_at":1700000000,"ext_expires_in":4472,"account_id":"dbid:x","uid":"1","nested":{"k":[1]}}""");

        var result = await ExchangeAsync();

        Assert.Equal("a", result.Value?.AccessToken);
    }

    private Task<ConnectorResult<Connector.OAuth2.Tokens.TokenSet>> ExchangeAsync() =>
        _engine.Connector.ExchangeCodeAsync(Configs.For(_provider), Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

    public void Dispose()
    {
        _engine.Dispose();
        _provider.Dispose();
    }
}
