using Connector.OAuth2.Configuration;
using Connector.OAuth2.Pipeline;
using Connector.OAuth2.Profiles;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tests.Support;

namespace Connector.OAuth2.Tests.Pipeline;

/// <summary>The dry run's trace comes from the sign-in's own pipeline: each step, as a real sign-in runs it.</summary>
public sealed class SignInTraceTests : IDisposable
{
    private readonly FakeProvider _provider = new();
    private readonly Engine _engine = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Trace_OfAProviderHidingTheEmail_HasTheLookedUpEmail_AsTheRealSignInDoes()
    {
        _provider.OnTokenJson("""{"access_token":"at-secret-1","token_type":"bearer","expires_in":3600,"refresh_token":"rt-secret-1","scope":"read:user"}""");
        _provider.OnUserInfoJson("""{"id":1,"login":"octocat","email":null}""");
        _provider.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/user/emails").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody("""[{"email":"octocat@example.com","primary":true,"verified":true}]"""));
        var config = Configs.For(_provider) with
        {
            ProfileMap = new ProfileMap { Name = "login" },
            EmailLookup = new EmailLookup { Endpoint = _provider.Url + "/user/emails" },
        };

        var trace = await _engine.Connector.TraceSignInAsync(config, Configs.Exchange(), Configs.Calls(), Ct);
        var signIn = await _engine.Connector.CompleteSignInAsync(config, Configs.Exchange(), Configs.Calls(), Ct);

        Assert.Null(trace.Error);
        Assert.Equal("octocat@example.com", trace.EmailLookup?.Email);
        Assert.Equal("octocat@example.com", trace.Profile?.Email);
        Assert.Equal(signIn.Value!.Profile.Email, trace.Profile!.Email);
        Assert.Equal(signIn.Value.Profile.EmailVerified, trace.Profile.EmailVerified);
        Assert.Equal(new TokenSummary("Bearer", 3600, "read:user", HasRefreshToken: true, HasIdToken: false), trace.Tokens);
        Assert.Equal("octocat", trace.UserInfo!.Value.GetProperty("login").GetString());
    }

    [Fact]
    public async Task Trace_WhenMappingFails_KeepsTheRawUserInfo_AndNamesTheStep()
    {
        _provider.OnTokenJson("""{"access_token":"at"}""");
        _provider.OnUserInfoJson("""{"account":{"id":7}}""");

        var trace = await _engine.Connector.TraceSignInAsync(Configs.For(_provider), Configs.Exchange(), Configs.Calls(), Ct);

        Assert.Equal(SignInStep.ProfileMapping, trace.FailedStep);
        Assert.Equal(ConnectorErrorCodes.ProfileIdMissing, trace.Error?.Code);
        Assert.Equal(7, trace.UserInfo!.Value.GetProperty("account").GetProperty("id").GetInt32());
        Assert.Null(trace.Profile);
    }

    [Fact]
    public async Task Trace_WhenTheExchangeFails_StopsThere_WithTheProvidersWords()
    {
        _provider.OnToken(400, "application/json", """{"error":"invalid_grant","error_description":"Code expired"}""");

        var trace = await _engine.Connector.TraceSignInAsync(Configs.For(_provider), Configs.Exchange(), Configs.Calls(), Ct);

        Assert.Equal(SignInStep.TokenExchange, trace.FailedStep);
        Assert.Equal("invalid_grant", trace.Error?.ProviderError);
        Assert.Null(trace.Tokens);
        Assert.Null(trace.UserInfo);
        Assert.Empty(_provider.Requests("/userinfo"));
    }

    [Fact]
    public void ProfileMaps_AreCompiledOncePerVersion()
    {
        using var cache = new ProfileMapCache();
        var map = new ProfileMap { Id = "data.user.id", Name = "name|login" };

        var first = cache.Get(map);
        var again = cache.Get(map with { });
        var edited = cache.Get(map with { Name = "login" });

        Assert.Same(first, again);
        Assert.NotSame(first, edited);
        Assert.Same(cache.Get(null), cache.Get(new ProfileMap()));
    }

    public void Dispose()
    {
        _engine.Dispose();
        _provider.Dispose();
    }
}
