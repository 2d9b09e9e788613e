using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.SignIn;
using Microsoft.IdentityModel.Tokens;

namespace Connector.Host.Tests.Providers;

/// <summary>
/// Sign in with Apple through the host, from the apple preset and Apple's recorded answers: the callback is a POST
/// carrying the first sign-in's <c>user</c>, the client secret is an ES256 JWT made for each exchange from the stored
/// .p8 key (verified here from the wire with its public half), the profile is the verified ID token, and the name the
/// first callback gave stays on later sign-ins that bring none.
/// </summary>
public sealed class AppleSignInTests : IAsyncLifetime
{
    private const string ServicesId = "com.example.web";
    private const string KeyId = "KEY1234567";
    private const string TeamId = "TEAM123456";
    private readonly (string Pem, SecurityKey PublicKey) _key = SignedJwts.NewEcKey();
    private readonly JsonObject _recorded =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "providers", "apple.json")))!.AsObject();

    private SignInHost _host = null!;
    private IdTokenIssuer _issuer = null!;
    private string? _nonce;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await SignInHost.StartAsync();
        _issuer = new IdTokenIssuer(_host.Upstream);
        var body = new JsonObject
        {
            ["preset"] = "apple",
            ["clientId"] = ServicesId,
            ["config"] = new JsonObject
            {
                ["authorizationEndpoint"] = _host.Upstream.Url + "/auth/authorize",
                ["tokenEndpoint"] = _host.Upstream.Url + "/auth/token",
                ["signedClientSecret"] = new JsonObject { ["keyId"] = KeyId, ["issuer"] = TeamId, ["privateKey"] = _key.Pem },
                ["idTokenVerificationConfig"] = new JsonObject { ["jwksUri"] = _issuer.JwksUri, ["issuer"] = "https://appleid.apple.com" },
            },
        };
        using var created = await _host.Admin.PostAsync("/api/connectors", HttpJson.Body(body.ToJsonString()), Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        _host.Upstream.On("POST", "/auth/token", WireMock.ResponseBuilders.Response.Create().WithCallback(_ =>
        {
            var answer = _recorded["tokenResponse"]!["body"]!.DeepClone().AsObject();
            answer["id_token"] = _issuer.IssueRecorded(_recorded["idTokenClaims"]!.AsObject(), ServicesId, _nonce ?? "", TimeProvider.System.GetUtcNow());
            return WireRequests.Message(200, "application/json;charset=UTF-8", answer.ToJsonString());
        }));
    }

    public async ValueTask DisposeAsync()
    {
        _issuer.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task FirstSignIn_TakesTheNameFromThePostedUser_AndTheRestFromTheIdToken()
    {
        using var browser = _host.NewBrowser();

        using var callback = await PostCallbackAsync(browser, _recorded["callbackPost"]!["fields"]!["user"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/account", callback.Headers.Location?.OriginalString);
        var user = Assert.Single(await UsersAsync());
        Assert.Equal(("Avery Example", "avery.example@privaterelay.appleid.com", true), user);
        Assert.Equal("001234.0f1e2d3c4b5a69788796a5b4c3d2e1f0.1234", Assert.Single(await _host.Database.QueryAsync<string>("SELECT subject FROM user_identities")));
        Assert.Empty(_host.Upstream.Requests(FakeProvider.UserInfoPath));
    }

    [Fact]
    public async Task EveryExchange_SendsAFreshClientSecret_SignedWithTheStoredKey()
    {
        using var first = _host.NewBrowser();
        using var second = _host.NewBrowser();

        using var one = await PostCallbackAsync(first, user: null);
        using var two = await PostCallbackAsync(second, user: null);

        var forms = _host.Upstream.Requests("/auth/token").Select(request => request.Form()).ToList();
        Assert.Equal(2, forms.Count);
        foreach (var form in forms)
        {
            Assert.Equal(ServicesId, form["client_id"]);
            Assert.False(string.IsNullOrEmpty(form["code_verifier"]));
            var secret = SignedJwts.Verify(form["client_secret"], _key.PublicKey, "ES256");
            Assert.Equal(KeyId, secret.Kid);
            Assert.Equal(TeamId, secret.Issuer);
            Assert.Equal(ServicesId, secret.Subject);
            Assert.Equal(["https://appleid.apple.com"], secret.Audiences);
        }

        Assert.NotEqual(forms[0]["client_secret"], forms[1]["client_secret"]);
    }

    [Fact]
    public async Task LaterSignIn_WithoutThePostedUser_KeepsTheFirstName()
    {
        using (var browser = _host.NewBrowser())
        {
            using var first = await PostCallbackAsync(browser, _recorded["callbackPost"]!["fields"]!["user"]!.GetValue<string>());
        }

        using var again = _host.NewBrowser();
        using var later = await PostCallbackAsync(again, user: null);

        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Equal(["success", "success"], await _host.AuditOutcomesAsync());
        Assert.Equal("Avery Example", Assert.Single(await UsersAsync()).Name);
    }

    /// <summary>Starts at the host (Apple is asked for a form post and a nonce), then posts Apple's answer back as the browser would.</summary>
    private async Task<HttpResponseMessage> PostCallbackAsync(Browser browser, string? user)
    {
        var authorize = HttpUtility.ParseQueryString((await browser.StartAsync("apple")).Query);
        Assert.Equal("form_post", authorize["response_mode"]);
        _nonce = authorize["nonce"];
        var fields = new Dictionary<string, string> { ["code"] = FakeProvider.Code, ["state"] = authorize["state"]! };
        if (user is not null)
        {
            fields["user"] = user;
        }

        return await browser.Client.PostAsync(new Uri("/callback/apple", UriKind.Relative), new FormUrlEncodedContent(fields), Ct);
    }

    private Task<IReadOnlyList<(string? Name, string? Email, bool? EmailVerified)>> UsersAsync() =>
        _host.Database.QueryAsync<(string? Name, string? Email, bool? EmailVerified)>("SELECT name, email, email_verified FROM users");
}
