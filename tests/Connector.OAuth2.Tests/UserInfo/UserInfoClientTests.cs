using Connector.OAuth2.Results;
using Connector.OAuth2.Tests.Support;

namespace Connector.OAuth2.Tests.UserInfo;

public sealed class UserInfoClientTests : IDisposable
{
    private readonly FakeProvider _provider = new();
    private readonly Engine _engine = new();

    [Fact]
    public async Task UserInfo_IsAGetWithTheBearerToken()
    {
        _provider.OnUserInfoJson("""{"id":"42","name":"Ada"}""");

        var result = await GetAsync();

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal("Ada", result.Value.GetProperty("name").GetString());
        var request = _provider.SingleRequest("/userinfo");
        Assert.Equal("GET", request.RequestMessage!.Method);
        Assert.Equal("Bearer at-777", request.Header("Authorization"));
        Assert.Contains("application/json", request.Header("Accept"), StringComparison.Ordinal);
        Assert.StartsWith("Connectors/", request.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Equal("identity", request.Header("Accept-Encoding")); // answers come uncompressed
    }

    [Fact]
    public async Task QueryStringOnTheEndpoint_IsKept()
    {
        _provider.On("GET", "/me", FakeProvider.Json("""{"id":"7"}"""));
        var config = Configs.For(_provider) with { UserInfoEndpoint = _provider.Url + "/me?fields=id,name,email" };

        var result = await _engine.Connector.GetUserInfoAsync(config, TestTokens.Bearer("at"), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.EndsWith("/me?fields=id,name,email", _provider.SingleRequest("/me").RequestMessage!.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthorized_IsUserInfoFailedWithTheBearerError()
    {
        _provider.OnUserInfo(FakeProvider.Status(401)
            .WithHeader("WWW-Authenticate", "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"expired\""));

        var result = await GetAsync();

        Assert.True(result.IsError);
        Assert.Equal(ConnectorErrorCodes.UserInfoFailed, result.Error.Code);
        Assert.Equal(401, result.Error.ProviderStatus);
        Assert.Equal("invalid_token", result.Error.ProviderError);
        Assert.Single(_provider.Requests("/userinfo"));
    }

    [Fact]
    public async Task ServerErrorOnce_IsRetriedOnceAndSucceeds()
    {
        _provider.OnceThen("GET", FakeProvider.UserInfoPath, FakeProvider.Status(502), FakeProvider.Json("""{"id":"1"}"""));

        var result = await GetAsync();

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal(2, _provider.Requests("/userinfo").Count);
    }

    [Fact]
    public async Task ServerErrorTwice_IsUserInfoFailedAfterExactlyOneRetry()
    {
        _provider.OnUserInfo(503, "text/html", "<html>down</html>");

        var result = await GetAsync();

        Assert.Equal(ConnectorErrorCodes.UserInfoFailed, result.Error?.Code);
        Assert.Equal(503, result.Error?.ProviderStatus);
        Assert.Equal(2, _provider.Requests("/userinfo").Count);
    }

    [Fact]
    public async Task ClientError_IsNotRetried()
    {
        _provider.OnUserInfo(404, "application/json", """{"message":"Not Found"}""");

        var result = await GetAsync();

        Assert.Equal(ConnectorErrorCodes.UserInfoFailed, result.Error?.Code);
        Assert.Single(_provider.Requests("/userinfo"));
    }

    [Theory]
    [InlineData("text/html", "<html><body>Welcome</body></html>")]
    [InlineData("application/json", """[{"id":"1"}]""")]
    [InlineData("application/json", "\"just a string\"")]
    [InlineData("application/json", "{\"id\":")]
    public async Task AnswerThatIsNotAJsonObject_IsInvalidUserInfoResponse(string contentType, string body)
    {
        _provider.OnUserInfo(200, contentType, body);

        var result = await GetAsync();

        Assert.Equal(ConnectorErrorCodes.InvalidUserInfoResponse, result.Error?.Code);
    }

    [Fact]
    public async Task AnswerOverTheCap_IsInvalidUserInfoResponse()
    {
        _provider.OnUserInfoJson("""{"id":"1","bio":""" + "\"" + new string('x', 2 * 1024 * 1024) + "\"}");

        var result = await GetAsync();

        Assert.Equal(ConnectorErrorCodes.InvalidUserInfoResponse, result.Error?.Code);
    }

    [Fact]
    public async Task AnswerUnderAConfiguredSmallerCap_IsRefusedToo()
    {
        using var engine = new Engine(o => o.MaxResponseBytes = 1000);
        _provider.OnUserInfoJson("""{"id":"1","bio":""" + "\"" + new string('x', 2000) + "\"}");

        var result = await engine.Connector.GetUserInfoAsync(Configs.For(_provider), TestTokens.Bearer("at"), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.Equal(ConnectorErrorCodes.InvalidUserInfoResponse, result.Error?.Code);
    }

    private Task<ConnectorResult<System.Text.Json.JsonElement>> GetAsync() =>
        _engine.Connector.GetUserInfoAsync(Configs.For(_provider), TestTokens.Bearer("at-777"), Configs.Calls(), TestContext.Current.CancellationToken);

    public void Dispose()
    {
        _engine.Dispose();
        _provider.Dispose();
    }
}
