using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.Providers;

namespace Connector.Host.Tests.SignIn;

/// <summary>
/// A sign-in through an OpenID connector with <c>idTokenVerificationConfig</c>: the nonce goes out on the authorization
/// request, is kept only as a digest, comes back in the signed ID token, and works once.
/// </summary>
public sealed class IdTokenSignInTests : IAsyncLifetime
{
    private const string ConnectorId = "oidc";
    private SignInHost _host = null!;
    private IdTokenIssuer _issuer = null!;
    private string? _lastNonce;
    private string? _lastIdToken;

    /// <summary>When set, the token endpoint answers this ID token instead of signing a fresh one.</summary>
    private string? _replayedIdToken;

    public async ValueTask InitializeAsync()
    {
        _host = await SignInHost.StartAsync();
        _issuer = new IdTokenIssuer(_host.Upstream);
        _host.Upstream.RedirectsBack(callbackQuery: request =>
        {
            _lastNonce = request.Query!.TryGetValue("nonce", out var nonce) ? nonce.ToString() : null;
            return _host.Upstream.CallbackQuery;
        });
        _host.Upstream.OnToken(WireMock.ResponseBuilders.Response.Create().WithCallback(_ =>
        {
            _lastIdToken = _replayedIdToken ?? _issuer.Issue("oidc-client", _lastNonce, _host.Clock.GetUtcNow());
            return WireRequests.Message(200, "application/json",
                new JsonObject { ["access_token"] = "at-oidc", ["token_type"] = "Bearer", ["id_token"] = _lastIdToken }.ToJsonString());
        }));
        await CreateConnectorAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _issuer.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task SignIn_WithAVerifiedIdToken_CompletesWithTheTokensClaims()
    {
        using var browser = _host.NewBrowser();

        using var callback = await browser.SignInAsync(ConnectorId);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/account", callback.Headers.Location!.OriginalString);
        var (user, identity) = await _host.SingleUserWithIdentityAsync();
        Assert.Equal("oidc-user-1", identity.Subject);
        Assert.Equal("Olive Idtoken", user.Name);
        Assert.Equal("olive@example.com", user.Email);
        Assert.Null(identity.RawProfile["nonce"]);
        Assert.Empty(_host.Upstream.Requests(FakeProvider.UserInfoPath));
        Assert.Equal(["success"], await _host.AuditOutcomesAsync());
    }

    [Fact]
    public async Task SignIn_StoresOnlyTheNoncesDigest()
    {
        using var browser = _host.NewBrowser();

        await Browser.AtProviderAsync(await browser.StartAsync(ConnectorId));

        Assert.False(string.IsNullOrEmpty(_lastNonce));
        var stored = Assert.Single(await _host.Database.QueryAsync<byte[]>("SELECT nonce_hash FROM sign_in_states"));
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_lastNonce)), stored);
    }

    [Fact]
    public async Task Nonce_IsSingleUse_AnIdTokenReplayedIntoTheNextSignInIsRefused()
    {
        using var browser = _host.NewBrowser();
        using var first = await browser.SignInAsync(ConnectorId);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        _replayedIdToken = _lastIdToken;
        using var second = await browser.SignInAsync(ConnectorId);

        Assert.Equal(HttpStatusCode.BadGateway, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<code>invalid_id_token</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(_replayedIdToken!, html, StringComparison.Ordinal);
        Assert.Equal(["success", "invalid_id_token"], await _host.AuditOutcomesAsync());
    }

    [Fact]
    public async Task Callback_ReplayedAfterItsSignIn_FindsTheStateAndNonceUsedUp()
    {
        using var browser = _host.NewBrowser();
        var callbackPath = await Browser.AtProviderAsync(await browser.StartAsync(ConnectorId));
        using var first = await browser.GetAsync(callbackPath);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var replay = await browser.GetAsync(callbackPath);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("<code>invalid_state</code>", await replay.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Single(_host.Upstream.Requests(FakeProvider.TokenPath));
    }

    private async Task CreateConnectorAsync()
    {
        var body = new JsonObject
        {
            ["id"] = ConnectorId,
            ["name"] = "OIDC",
            ["config"] = new JsonObject
            {
                ["authorizationEndpoint"] = _host.Upstream.AuthorizationEndpoint,
                ["tokenEndpoint"] = _host.Upstream.TokenEndpoint,
                ["clientId"] = "oidc-client",
                ["clientSecret"] = "oidc-secret-value",
                ["scope"] = "profile email",
                ["idTokenVerificationConfig"] = new JsonObject { ["jwksUri"] = _issuer.JwksUri, ["issuer"] = _issuer.Issuer },
            },
        };
        using var response = await _host.Admin.PostAsync("/api/connectors", HttpJson.Body(body.ToJsonString()), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
