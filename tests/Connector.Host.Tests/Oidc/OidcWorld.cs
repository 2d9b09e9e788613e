using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.SignIn;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Connector.Host.Tests.Oidc;

/// <summary>
/// One test's OIDC world on top of the sign-in world: a host on a fake clock, an upstream provider behind
/// a connector, and helpers that drive an app's authorization-code flow through our real sign-in.
/// </summary>
public sealed class OidcWorld : IAsyncDisposable
{
    public const string Issuer = HostFactory.PublicOrigin + "/oidc";
    public const string RedirectUri = "http://localhost:3000/api/auth/callback/logto";
    public const string UpstreamProfile = """{"sub":"upstream-7","name":"Ada Lovelace","email":"ada@example.com","picture":"https://cdn.example/ada.png"}""";

    private OidcWorld(SignInHost host) => Host = host;

    public SignInHost Host { get; }

    public HostFactory Factory => Host.Factory;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<OidcWorld> StartAsync()
    {
        var host = await SignInHost.StartAsync();
        await host.CreateConnectorAsync(profileMap: new() { ["id"] = "sub", ["avatar"] = "picture" });
        host.Upstream.SignsIn(UpstreamProfile);
        return new OidcWorld(host);
    }

    public async Task<OidcApp> CreateAppAsync(string? extraFields = null, string redirectUri = RedirectUri)
    {
        var extra = extraFields is null ? "" : ", " + extraFields;
        using var response = await Host.Admin.PostAsync("/api/apps", HttpJson.Body(
            $$"""{ "name": "Next app", "redirectUris": ["{{redirectUri}}"], "postLogoutRedirectUris": ["http://localhost:3000/"]{{extra}} }"""), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        // Public apps (spa, native) have no secret: the answer carries none.
        return new OidcApp(body["id"]!.GetValue<string>(), body["clientId"]!.GetValue<string>(), body["clientSecret"]?.GetValue<string>() ?? "", redirectUri);
    }

    /// <summary>An authorization request; <paramref name="pkce"/> null sends no challenge (NextAuth v4's default).</summary>
    public static string AuthorizePath(OidcApp app, Pkce? pkce, string scope = "openid profile email offline_access", string? redirectUri = null, string state = "st-1", string nonce = "n-1")
    {
        var parameters = new Dictionary<string, string>
        {
            ["client_id"] = app.ClientId,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["redirect_uri"] = redirectUri ?? app.RedirectUri,
            ["state"] = state,
            ["nonce"] = nonce,
        };
        if (pkce is not null)
        {
            parameters["code_challenge"] = pkce.Challenge;
            parameters["code_challenge_method"] = "S256";
        }

        return "/oidc/auth?" + string.Join('&', parameters.Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value)}"));
    }

    /// <summary>
    /// The whole browser side: /oidc/auth without a session goes to our sign-in page, the connector flow runs
    /// against the upstream provider, its callback returns to /oidc/auth, which redirects to the app with a code.
    /// </summary>
    public static async Task<string> AuthorizeAsync(Browser browser, OidcApp app, Pkce? pkce, string scope = "openid profile email offline_access", string? redirectUri = null)
    {
        var path = AuthorizePath(app, pkce, scope, redirectUri);
        using var first = await browser.GetAsync(path);
        if (first.StatusCode == HttpStatusCode.Redirect && first.Headers.Location!.OriginalString.StartsWith("/sign-in?", StringComparison.Ordinal))
        {
            var returnTo = HttpUtility.ParseQueryString(first.Headers.Location.OriginalString.Split('?', 2)[1])["returnTo"];
            Assert.Equal(path, returnTo);
            using var callback = await browser.SignInAsync(SignInHost.ConnectorId, returnTo);
            Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
            Assert.Equal(path, callback.Headers.Location!.OriginalString);
            using var resumed = await browser.GetAsync(path);
            return CodeFrom(resumed, redirectUri ?? app.RedirectUri);
        }

        return CodeFrom(first, redirectUri ?? app.RedirectUri);
    }

    public HttpClient Client() => Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>POST /oidc/token with client_secret_basic (RFC 6749 §2.3.1: id and secret form-encoded first).</summary>
    public async Task<HttpResponseMessage> TokenAsync(OidcApp app, IDictionary<string, string> form, string? secret = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oidc/token") { Content = new FormUrlEncodedContent(form) };
        var credentials = $"{Uri.EscapeDataString(app.ClientId)}:{Uri.EscapeDataString(secret ?? app.ClientSecret)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        using var own = client is null ? Client() : null;
        return await (client ?? own!).SendAsync(request, Ct);
    }

    public Task<HttpResponseMessage> RedeemAsync(OidcApp app, string code, Pkce pkce, HttpClient? client = null) =>
        TokenAsync(app, CodeGrant(app, code, pkce), client: client);

    /// <summary>The authorization_code grant's form (RFC 6749 §4.1.3), with the PKCE verifier when a pair is given (RFC 7636 §4.5).</summary>
    public static Dictionary<string, string> CodeGrant(OidcApp app, string code, Pkce? pkce = null, string? redirectUri = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri ?? app.RedirectUri,
        };
        if (pkce is not null)
        {
            form["code_verifier"] = pkce.Verifier;
        }

        return form;
    }

    /// <summary>POST /oidc/token as a public client: <c>client_id</c> in the form, no secret (<c>none</c>), optionally from a browser origin.</summary>
    public async Task<HttpResponseMessage> PublicTokenAsync(OidcApp app, IDictionary<string, string> form, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oidc/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["client_id"] = app.ClientId }),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var client = Client();
        return await client.SendAsync(request, Ct);
    }

    public Task<HttpResponseMessage> RefreshAsync(OidcApp app, string refreshToken, HttpClient? client = null) =>
        TokenAsync(app, new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, client: client);

    /// <summary>Signs in through the real flow and redeems the code: the token answer as JSON.</summary>
    public async Task<JsonNode> SignInAndRedeemAsync(OidcApp app, string scope = "openid profile email offline_access")
    {
        using var browser = Host.NewBrowser();
        var pkce = Pkce.Create();
        var code = await AuthorizeAsync(browser, app, pkce, scope);
        using var response = await RedeemAsync(app, code, pkce);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>Validates an ID token against the keys the JWKS endpoint publishes, as a relying party would.</summary>
    public async Task<TokenValidationResult> ValidateIdTokenAsync(string idToken, OidcApp app, HttpClient? client = null)
    {
        using var own = client is null ? Client() : null;
        var jwks = new JsonWebKeySet(await (client ?? own!).GetStringAsync("/oidc/jwks", Ct));
        return await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = app.ClientId,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = ["ES384", "RS256"],
        });
    }

    public static async Task<(string Error, string? Description)> OAuthErrorAsync(HttpResponseMessage response)
    {
        var body = await response.ReadJsonAsync();
        return (body["error"]!.GetValue<string>(), body["error_description"]?.GetValue<string>());
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private static string CodeFrom(HttpResponseMessage response, string redirectUri)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(redirectUri + "?", location.OriginalString, StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("st-1", query["state"]);
        Assert.Equal(Issuer, query["iss"]); // RFC 9207
        return query["code"] ?? throw new InvalidOperationException("No code in " + location);
    }
}
