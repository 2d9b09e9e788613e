using Connector.OAuth2.Configuration;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tests.Support;

namespace Connector.OAuth2.Tests;

public sealed class CompleteSignInTests : IDisposable
{
    private const string NestedProfile =
        """{"code":0,"data":{"user":{"id":4242,"nickname":"Nick","avatar":"https://cdn.example.com/n.png","contact":{"email":"nick@example.com","phone":"+15550100"}}}}""";

    private readonly FakeProvider _provider = new();
    private readonly Engine _engine = new();

    [Fact]
    public async Task NestedProfile_IsExchangedFetchedAndMapped()
    {
        _provider.OnTokenJson("""{"access_token":"at-nested","token_type":"bearer","expires_in":"60"}""");
        _provider.OnUserInfoJson(NestedProfile);
        var config = Configs.For(_provider) with
        {
            CustomConfig = new Dictionary<string, string> { ["accessType"] = "offline" },
            ProfileMap = new ProfileMap
            {
                Id = "data.user.id",
                Name = "data.user.nickname",
                Avatar = "data.user.avatar",
                Email = "data.user.contact.email",
                Phone = "data.user.contact.phone",
            },
        };

        var result = await _engine.Connector.CompleteSignInAsync(config, Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.False(result.IsError, result.Error?.Message);
        var profile = result.Value.Profile;
        Assert.Equal("4242", profile.Id);
        Assert.Equal("Nick", profile.Name);
        Assert.Equal("https://cdn.example.com/n.png", profile.Avatar);
        Assert.Equal("nick@example.com", profile.Email);
        Assert.Equal("+15550100", profile.Phone);
        Assert.Equal(0, profile.Raw.GetProperty("code").GetInt32());
        Assert.Equal("Bearer at-nested", _provider.SingleRequest("/userinfo").Header("Authorization"));
        Assert.Equal("offline", _provider.SingleRequest("/token").Form()["access_type"]);
    }

    [Fact]
    public async Task ProfileWithoutId_IsProfileIdMissing()
    {
        _provider.OnTokenJson("""{"access_token":"at"}""");
        _provider.OnUserInfoJson("""{"name":"No Id"}""");

        var result = await _engine.Connector.CompleteSignInAsync(Configs.For(_provider), Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.Equal(ConnectorErrorCodes.ProfileIdMissing, result.Error?.Code);
    }

    [Fact]
    public async Task FailedExchange_StopsBeforeUserInfo()
    {
        _provider.OnToken(400, "application/json", """{"error":"invalid_grant"}""");

        var result = await _engine.Connector.CompleteSignInAsync(Configs.For(_provider), Configs.Exchange(), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.Equal(ConnectorErrorCodes.TokenExchangeFailed, result.Error?.Code);
        Assert.Empty(_provider.Requests("/userinfo"));
    }

    [Fact]
    public async Task NothingSecret_IsEverLogged()
    {
        const string accessToken = "at-SECRET-TOKEN-9f8e";
        const string code = "CODE-SECRET-1a2b";
        const string verifier = "VERIFIER-SECRET-3c4d";
        _provider.OnTokenJson($$"""{"access_token":"{{accessToken}}","refresh_token":"rt-SECRET-5e6f"}""");
        _provider.OnUserInfo(503, "application/json", """{"email":"private@example.com"}""");
        var config = Configs.For(_provider) with { ClientSecret = "CLIENT-SECRET-7g8h" };

        var result = await _engine.Connector.CompleteSignInAsync(config, Configs.Exchange(code, verifier), Configs.Calls(), TestContext.Current.CancellationToken);

        Assert.Equal(ConnectorErrorCodes.UserInfoFailed, result.Error?.Code);
        var logs = _engine.Logs.GetSnapshot();
        Assert.NotEmpty(logs); // the failure is logged…
        var text = string.Join("\n", logs.Select(l => l.Category + "|" + l.Message + " " + string.Join(",", l.StructuredState ?? [])));
        foreach (var secret in new[] { accessToken, code, verifier, "CLIENT-SECRET-7g8h", "rt-SECRET-5e6f", "private@example.com" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal); // …without what must stay private
        }

        Assert.DoesNotContain(accessToken, result.Error!.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _engine.Dispose();
        _provider.Dispose();
    }
}
