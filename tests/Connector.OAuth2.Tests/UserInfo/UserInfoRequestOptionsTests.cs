using Connector.OAuth2.Configuration;
using Connector.OAuth2.Tests.Support;

namespace Connector.OAuth2.Tests.UserInfo;

public sealed class UserInfoRequestOptionsTests : IDisposable
{
    private readonly FakeProvider _provider = new();
    private readonly Engine _engine = new();

    [Fact]
    public async Task ExtraHeaders_AreSentWithTheClientIdFilledIn()
    {
        // Twitch Helix needs Client-Id next to the bearer token.
        _provider.OnUserInfoJson("""{"data":[{"id":"1"}]}""");
        var config = Configs.For(_provider) with
        {
            UserInfoHeaders = new Dictionary<string, string> { ["Client-Id"] = "{clientId}", ["X-Api-Version"] = "2022-11-28" },
        };

        var result = await _engine.Connector.GetUserInfoAsync(config, TestTokens.Bearer("at"), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.False(result.IsError, result.Error?.Message);
        var request = _provider.SingleRequest("/userinfo");
        Assert.Equal(Configs.ClientId, request.Header("Client-Id"));
        Assert.Equal("2022-11-28", request.Header("X-Api-Version"));
        Assert.Equal("Bearer at", request.Header("Authorization"));
    }

    [Fact]
    public async Task PostMethod_SendsAPostWithoutBodyOrContentType()
    {
        // Dropbox's users/get_current_account rejects a form Content-Type.
        _provider.On("POST", FakeProvider.UserInfoPath, FakeProvider.Json("""{"account_id":"dbid:1"}"""));
        var config = Configs.For(_provider) with { UserInfoMethod = "POST" };

        var result = await _engine.Connector.GetUserInfoAsync(config, TestTokens.Bearer("at"), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.False(result.IsError, result.Error?.Message);
        var request = _provider.SingleRequest("/userinfo");
        Assert.Equal("POST", request.RequestMessage!.Method);
        Assert.False(request.HasHeader("Content-Type"));
        Assert.True(string.IsNullOrEmpty(request.RequestMessage.Body));
    }

    [Fact]
    public async Task AuthorizationAndTokenParams_GoOnlyToTheirOwnRequest()
    {
        _provider.OnTokenJson("""{"access_token":"at"}""");
        var config = Configs.For(_provider) with
        {
            AuthorizationParams = new Dictionary<string, string> { ["access_type"] = "offline", ["orgIds"] = "42" },
            TokenParams = new Dictionary<string, string> { ["token_access_type"] = "offline" },
        };

        var url = Connector.OAuth2.Authorization.AuthorizationUrlBuilder.Build(config,
            new(Configs.RedirectUri, "state-1", Connector.OAuth2.Authorization.PkceCodes.Create().Challenge));
        await _engine.Connector.ExchangeCodeAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("offline", query["access_type"]);
        Assert.Equal("42", query["orgIds"]); // sent as written, not snake_cased
        Assert.Null(query["token_access_type"]);
        var form = _provider.SingleRequest("/token").Form();
        Assert.Equal("offline", form["token_access_type"]);
        Assert.False(form.ContainsKey("access_type"));
        Assert.False(form.ContainsKey("orgIds"));
    }

    [Fact]
    public async Task EmailLookup_FillsAMissingEmailWithThePrimaryVerifiedOne()
    {
        _provider.OnTokenJson("""{"access_token":"at"}""");
        _provider.OnUserInfoJson("""{"id":58001234,"login":"octo","email":null}""");
        _provider.On("GET", "/user/emails", FakeProvider.Json("""
            [{"email":"old@example.com","primary":false,"verified":true},
             {"email":"unverified@example.com","primary":true,"verified":false},
             {"email":"octo@example.com","primary":true,"verified":true}]
            """));
        var config = Configs.For(_provider) with
        {
            EmailLookup = new EmailLookup { Endpoint = _provider.Url + "/user/emails" },
            UserInfoHeaders = new Dictionary<string, string> { ["X-GitHub-Api-Version"] = "2022-11-28" },
        };

        var result = await _engine.Connector.CompleteSignInAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal("octo@example.com", result.Value.Profile.Email);
        Assert.True(result.Value.Profile.EmailVerified);
        var lookup = _provider.SingleRequest("/user/emails");
        Assert.Equal("Bearer at", lookup.Header("Authorization"));
        Assert.Equal("2022-11-28", lookup.Header("X-GitHub-Api-Version"));
    }

    [Fact]
    public async Task EmailLookup_WithOnlyUnverifiedAddresses_LeavesTheEmailMissing()
    {
        _provider.OnTokenJson("""{"access_token":"at"}""");
        _provider.OnUserInfoJson("""{"id":1}""");
        _provider.On("GET", "/user/emails", FakeProvider.Json("""[{"email":"someone@example.com","primary":true,"verified":false}]"""));
        var config = Configs.For(_provider) with { EmailLookup = new EmailLookup { Endpoint = _provider.Url + "/user/emails" } };

        var result = await _engine.Connector.CompleteSignInAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.Null(result.Value?.Profile.Email);
        Assert.Null(result.Value?.Profile.EmailVerified);
    }

    [Fact]
    public async Task EmailLookup_ThatFails_StillSignsInWithoutEmail()
    {
        _provider.OnTokenJson("""{"access_token":"at"}""");
        _provider.OnUserInfoJson("""{"id":1}""");
        _provider.On("GET", "/user/emails", FakeProvider.Status(403));
        var config = Configs.For(_provider) with { EmailLookup = new EmailLookup { Endpoint = _provider.Url + "/user/emails" } };

        var result = await _engine.Connector.CompleteSignInAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.Equal("1", result.Value?.Profile.Id);
        Assert.Null(result.Value?.Profile.Email);
    }

    [Fact]
    public async Task EmailLookup_IsSkippedWhenUserInfoHasTheEmail()
    {
        _provider.OnTokenJson("""{"access_token":"at"}""");
        _provider.OnUserInfoJson("""{"id":1,"email":"public@example.com"}""");
        var config = Configs.For(_provider) with { EmailLookup = new EmailLookup { Endpoint = _provider.Url + "/user/emails" } };

        var result = await _engine.Connector.CompleteSignInAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.Equal("public@example.com", result.Value?.Profile.Email);
        Assert.Empty(_provider.Requests("/user/emails"));
    }

    public void Dispose()
    {
        _engine.Dispose();
        _provider.Dispose();
    }
}
