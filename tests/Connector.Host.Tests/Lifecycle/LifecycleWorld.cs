using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.SignIn;

namespace Connector.Host.Tests.Lifecycle;

/// <summary>
/// One test's world for the identity lifecycle: a host on a fake clock and one upstream provider behind any number of
/// connectors. Each connector reads its userinfo from a path of its own (<c>/userinfo/{id}</c>), so two connectors of
/// one provider can sign in different subjects, as two providers would.
/// </summary>
public sealed class LifecycleWorld : IAsyncDisposable
{
    private LifecycleWorld(SignInHost host) => Host = host;

    public SignInHost Host { get; }

    public FakeProvider Upstream => Host.Upstream;

    public TestDatabase Database => Host.Database;

    public HttpClient Admin => Host.Admin;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<LifecycleWorld> StartAsync()
    {
        var host = await SignInHost.StartAsync();
        host.Upstream.IssuesAnAccessToken();
        return new LifecycleWorld(host);
    }

    public static string UserInfoPath(string connectorId) => $"{FakeProvider.UserInfoPath}/{connectorId}";

    /// <summary>The create body of a connector to <see cref="Upstream"/>; <paramref name="fields"/> are the connector's own fields (syncProfile, …).</summary>
    public JsonObject ConnectorBody(string id, JsonObject? fields = null)
    {
        var body = new JsonObject
        {
            ["id"] = id,
            ["name"] = $"Connector {id}",
            ["config"] = new JsonObject
            {
                ["authorizationEndpoint"] = Upstream.AuthorizationEndpoint,
                ["tokenEndpoint"] = Upstream.TokenEndpoint,
                ["userInfoEndpoint"] = Upstream.Url + UserInfoPath(id),
                ["clientId"] = $"{id}-client",
                ["clientSecret"] = $"{id}-secret-value",
                ["scope"] = "openid profile email",
                ["profileMap"] = new JsonObject { ["id"] = "sub" },
            },
        };
        foreach (var (field, value) in fields ?? [])
        {
            body[field] = value?.DeepClone();
        }

        return body;
    }

    /// <summary>Registers a connector through the admin API, with its lifecycle fields.</summary>
    public async Task CreateConnectorAsync(string id, JsonObject? fields = null)
    {
        using var response = await Admin.PostAsync("/api/connectors", HttpJson.Body(ConnectorBody(id, fields).ToJsonString()), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public async Task<HttpResponseMessage> PatchConnectorAsync(string id, string patch) =>
        await Admin.PatchAsync($"/api/connectors/{id}", HttpJson.Body(patch, "application/merge-patch+json"), Ct);

    /// <summary>What the provider's userinfo answers for the connector from now on.</summary>
    public void SignsIn(string connectorId, string userInfoJson) => Upstream.On("GET", UserInfoPath(connectorId), FakeProvider.Json(userInfoJson));

    /// <summary>A whole sign-in in a new browser, which is returned with the callback's answer.</summary>
    public async Task<(Browser Browser, HttpResponseMessage Callback)> SignInAsync(string connectorId)
    {
        var browser = Host.NewBrowser();
        return (browser, await browser.SignInAsync(connectorId));
    }

    /// <summary>A whole sign-in that must succeed; the browser is left signed in.</summary>
    public async Task<Browser> SignedInAsync(string connectorId)
    {
        var (browser, callback) = await SignInAsync(connectorId);
        using (callback)
        {
            Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
            Assert.Equal("/account", callback.Headers.Location!.OriginalString);
        }

        return browser;
    }

    /// <summary>The user an identity of (connector, subject) belongs to; fails when there is none.</summary>
    public async Task<Guid> UserOfAsync(string connectorId, string subject) =>
        Assert.Single(await Database.QueryAsync<Guid>(
            "SELECT user_id FROM user_identities WHERE connector_id = @ConnectorId AND subject = @Subject",
            new { ConnectorId = connectorId, Subject = subject }));

    /// <summary>
    /// The browser flow's refusal: an HTML error page with the status and code, and no session started by the answer
    /// (a session cookie it sets may only be the removal of one).
    /// </summary>
    public static async Task AssertRefusalPageAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<code>{code}</code>", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        Assert.DoesNotContain(cookies, cookie => cookie.StartsWith("connectors.session=", StringComparison.Ordinal)
            && !cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
