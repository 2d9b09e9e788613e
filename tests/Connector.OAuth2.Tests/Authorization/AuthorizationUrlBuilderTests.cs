using System.Collections.Specialized;
using System.Web;
using Connector.OAuth2.Authorization;
using Connector.OAuth2.Configuration;

namespace Connector.OAuth2.Tests.Authorization;

public sealed class AuthorizationUrlBuilderTests
{
    private const string Endpoint = "https://provider.example.com/oauth/authorize";
    private const string RedirectUri = "https://id.example.com/callback/acme";
    private const string State = "state-7f3a9c";
    private const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    [Fact]
    public void Build_WithDefaultConfig_SendsTheRfc6749AuthorizationParameters()
    {
        var url = AuthorizationUrlBuilder.Build(Config(), new AuthorizationRequest(RedirectUri, State, Challenge));

        var query = Query(url);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("client-123", query["client_id"]);
        Assert.Equal(RedirectUri, query["redirect_uri"]);
        Assert.Equal("openid profile email", query["scope"]);
        Assert.Equal(State, query["state"]);
        Assert.Equal(Endpoint, url.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public void Build_WithPkceOnByDefault_SendsS256Challenge()
    {
        var url = AuthorizationUrlBuilder.Build(Config(), new AuthorizationRequest(RedirectUri, State, Challenge));

        var query = Query(url);
        Assert.Equal(Challenge, query["code_challenge"]);
        Assert.Equal("S256", query["code_challenge_method"]);
    }

    [Fact]
    public void Build_WithPkceOff_SendsNoChallengeEvenWhenOneIsGiven()
    {
        var config = Config() with { Pkce = false };

        var url = AuthorizationUrlBuilder.Build(config, new AuthorizationRequest(RedirectUri, State, Challenge));

        var query = Query(url);
        Assert.DoesNotContain("code_challenge", query.AllKeys);
        Assert.DoesNotContain("code_challenge_method", query.AllKeys);
        Assert.Equal(State, query["state"]);
    }

    [Fact]
    public void Build_WithPkceOffAndNoChallenge_Succeeds()
    {
        var config = Config() with { Pkce = false };

        var url = AuthorizationUrlBuilder.Build(config, new AuthorizationRequest(RedirectUri, State));

        Assert.DoesNotContain("code_challenge", Query(url).AllKeys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Build_WithPkceOnAndNoChallenge_ThrowsArgumentException(string? challenge)
    {
        var request = new AuthorizationRequest(RedirectUri, State, challenge);

        Assert.Throws<ArgumentException>(() => AuthorizationUrlBuilder.Build(Config(), request));
    }

    [Fact]
    public void Build_WithCallerScope_OverridesTheConfiguredScope()
    {
        var url = AuthorizationUrlBuilder.Build(Config(), new AuthorizationRequest(RedirectUri, State, Challenge, Scope: "read:user"));

        var scopes = Query(url).GetValues("scope");
        Assert.NotNull(scopes);
        Assert.Equal(["read:user"], scopes);
    }

    [Fact]
    public void Build_WithNoScopeConfiguredOrGiven_SendsNoScopeParameter()
    {
        var config = Config() with { Scope = null };

        var url = AuthorizationUrlBuilder.Build(config, new AuthorizationRequest(RedirectUri, State, Challenge));

        Assert.DoesNotContain("scope", Query(url).AllKeys);
        Assert.DoesNotContain("scope=", url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithCamelCaseCustomConfig_SendsItInSnakeCase()
    {
        var config = Config() with { CustomConfig = new Dictionary<string, string> { ["accessType"] = "offline", ["prompt"] = "consent" } };

        var url = AuthorizationUrlBuilder.Build(config, new AuthorizationRequest(RedirectUri, State, Challenge));

        var query = Query(url);
        Assert.Equal("offline", query["access_type"]);
        Assert.Equal("consent", query["prompt"]);
        Assert.DoesNotContain("accessType", query.AllKeys);
    }

    [Fact]
    public void Build_WithQueryOnEndpoint_KeepsItAndAppendsAfterAmpersand()
    {
        var config = Config() with { AuthorizationEndpoint = Endpoint + "?audience=api&x=1" };

        var url = AuthorizationUrlBuilder.Build(config, new AuthorizationRequest(RedirectUri, State, Challenge));

        var text = url.AbsoluteUri;
        Assert.StartsWith(Endpoint + "?audience=api&x=1&", text, StringComparison.Ordinal);
        Assert.Equal(1, text.Count(c => c == '?'));
        Assert.DoesNotContain("&&", text, StringComparison.Ordinal);
        var query = Query(url);
        Assert.Equal("api", query["audience"]);
        Assert.Equal("1", query["x"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(State, query["state"]);
    }

    [Theory]
    [InlineData("?")]
    [InlineData("?audience=api&")]
    public void Build_WithEndpointEndingInSeparator_AddsNoEmptyParameter(string suffix)
    {
        var config = Config() with { AuthorizationEndpoint = Endpoint + suffix };

        var url = AuthorizationUrlBuilder.Build(config, new AuthorizationRequest(RedirectUri, State, Challenge));

        var text = url.AbsoluteUri;
        Assert.Equal(1, text.Count(c => c == '?'));
        Assert.DoesNotContain("?&", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&&", text, StringComparison.Ordinal);
        Assert.Equal("code", Query(url)["response_type"]);
    }

    [Fact]
    public void Build_WithoutQueryOnEndpoint_StartsTheQueryWithOneQuestionMark()
    {
        var url = AuthorizationUrlBuilder.Build(Config(), new AuthorizationRequest(RedirectUri, State, Challenge));

        Assert.StartsWith(Endpoint + "?response_type=code&", url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(1, url.AbsoluteUri.Count(c => c == '?'));
    }

    [Fact]
    public void Build_WithSpecialCharactersInValues_PercentEncodesThemSoTheyRoundTrip()
    {
        const string redirect = "https://app.example.com/cb?next=/a b&lang=fr";
        const string state = "s t&a=t+e/é%?#";
        const string scope = "openid profile https://www.googleapis.com/auth/userinfo.email";
        var config = Config() with
        {
            ClientId = "client id+&=",
            Scope = scope,
            CustomConfig = new Dictionary<string, string> { ["loginHint"] = "ann+tag@example.com" },
        };

        var url = AuthorizationUrlBuilder.Build(config, new AuthorizationRequest(redirect, state, Challenge));

        var text = url.AbsoluteUri;
        Assert.DoesNotContain(' ', text);
        Assert.DoesNotContain('#', text);
        Assert.Contains("scope=openid%20profile%20https%3A%2F%2F", text, StringComparison.Ordinal);
        var query = Query(url);
        Assert.Equal(redirect, query["redirect_uri"]);
        Assert.Equal(state, query["state"]);
        Assert.Equal(scope, query["scope"]);
        Assert.Equal("client id+&=", query["client_id"]);
        Assert.Equal("ann+tag@example.com", query["login_hint"]);
        // Encoded '&' and '=' inside values must not split into parameters of their own.
        Assert.Null(query["lang"]);
        Assert.Null(query["a"]);
    }

    [Fact]
    public void Build_EachProtocolParameter_AppearsExactlyOnce()
    {
        var url = AuthorizationUrlBuilder.Build(Config(), new AuthorizationRequest(RedirectUri, State, Challenge));

        var query = Query(url);
        foreach (var name in new[] { "response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method" })
        {
            Assert.Single(query.GetValues(name) ?? []);
        }

        Assert.Equal(7, query.Count);
    }

    [Fact]
    public void Build_WithFormPostResponseMode_AsksForFormPostOnce()
    {
        var url = AuthorizationUrlBuilder.Build(Config() with { ResponseMode = ResponseModes.FormPost }, new AuthorizationRequest(RedirectUri, State, Challenge));

        var query = Query(url);
        Assert.Equal(["form_post"], query.GetValues("response_mode") ?? []);
        Assert.Equal(8, query.Count);
    }

    [Fact]
    public void Build_WithQueryResponseMode_SendsNoResponseMode()
    {
        var url = AuthorizationUrlBuilder.Build(Config() with { ResponseMode = ResponseModes.Query }, new AuthorizationRequest(RedirectUri, State, Challenge));

        Assert.Null(Query(url)["response_mode"]);
    }

    private static OAuth2ConnectorConfig Config() => new()
    {
        AuthorizationEndpoint = Endpoint,
        TokenEndpoint = "https://provider.example.com/oauth/token",
        UserInfoEndpoint = "https://provider.example.com/userinfo",
        ClientId = "client-123",
        ClientSecret = "secret",
        Scope = "openid profile email",
    };

    private static NameValueCollection Query(Uri url) => HttpUtility.ParseQueryString(url.Query);
}
