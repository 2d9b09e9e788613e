using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.SignIn;

namespace Connector.Host.Tests.Connectors;

/// <summary><c>GET /api/connectors/{id}/health</c> after sign-ins through the real flow: outcomes, latency, the provider's last words.</summary>
public sealed class ConnectorHealthTests : IAsyncLifetime
{
    private const string Profile = """{"sub":"health-user","name":"Mary Jackson"}""";
    private static readonly TimeSpan UserInfoDelay = TimeSpan.FromMilliseconds(150);

    private SignInHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await SignInHost.StartAsync();
        await _host.CreateConnectorAsync();
        await _host.CreateConnectorAsync("quiet", "Quiet");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Health_AfterSignIns_CountsOutcomesByCode_GivesLatency_AndTheProvidersLastWords()
    {
        _host.Upstream.IssuesAnAccessToken();
        _host.Upstream.OnUserInfo(FakeProvider.Json(Profile).WithDelay(UserInfoDelay));
        await SignInAsync(HttpStatusCode.Redirect);
        await SignInAsync(HttpStatusCode.Redirect);
        _host.Upstream.OnTokenJson("""{"error":"invalid_client","error_description":"Client authentication failed: unknown client_id"}""", status: 401);
        await SignInAsync(HttpStatusCode.BadGateway);
        using (var browser = _host.NewBrowser())
        {
            (await browser.GetAsync("/callback/acme?code=x")).Dispose(); // no state: not a sign-in
        }

        var health = await GetHealthAsync("acme");

        Assert.Equal("acme", health["connectorId"]!.GetValue<string>());
        Assert.Equal(3, health["signIns"]!.GetValue<long>());
        Assert.Equal("""{"success":2,"token_exchange_failed":1}""", health["outcomes"]!.ToJsonString());
        Assert.Equal(2.0 / 3, health["successRate"]!.GetValue<double>(), 3);
        var latency = health["providerLatency"]!;
        Assert.Equal(5, latency["calls"]!.GetValue<long>());
        Assert.Equal(3, latency["byEndpoint"]!["token"]!["calls"]!.GetValue<long>());
        var userInfo = latency["byEndpoint"]!["userinfo"]!;
        Assert.Equal(2, userInfo["calls"]!.GetValue<long>());
        Assert.InRange(userInfo["p50Ms"]!.GetValue<double>(), UserInfoDelay.TotalMilliseconds, 10_000);
        Assert.True(userInfo["p95Ms"]!.GetValue<double>() >= userInfo["p50Ms"]!.GetValue<double>());
        Assert.True(latency["p95Ms"]!.GetValue<double>() >= latency["p50Ms"]!.GetValue<double>());
        var error = health["lastProviderError"]!;
        Assert.Equal("token_exchange_failed", error["code"]!.GetValue<string>());
        Assert.Equal("invalid_client", error["providerError"]!.GetValue<string>());
        Assert.Equal("Client authentication failed: unknown client_id", error["providerErrorDescription"]!.GetValue<string>());
        Assert.Equal(401, error["providerStatus"]!.GetValue<int>());
        Assert.Equal(_host.Clock.GetUtcNow(), error["at"]!.GetValue<DateTimeOffset>(), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Health_CountsTheLast24Hours_ButKeepsTheLastProviderErrorOlderThanThat()
    {
        _host.Upstream.OnTokenJson("""{"error":"server_error"}""", status: 500);
        await SignInAsync(HttpStatusCode.BadGateway);
        _host.Clock.Advance(TimeSpan.FromHours(25));

        var health = await GetHealthAsync("acme");

        Assert.Equal(0, health["signIns"]!.GetValue<long>());
        Assert.Equal("{}", health["outcomes"]!.ToJsonString());
        Assert.Null(health["providerLatency"]);
        Assert.Null(health["successRate"]);
        Assert.Equal("server_error", health["lastProviderError"]!["providerError"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_OfAConnectorWithoutSignIns_IsEmpty_AndOfAnUnknownOne404()
    {
        var quiet = await GetHealthAsync("quiet");
        using var unknown = await _host.Admin.GetAsync("/api/connectors/nope/health", Ct);
        using var anonymous = await _host.Factory.CreateClient().GetAsync("/api/connectors/quiet/health", Ct);

        Assert.Equal(0, quiet["signIns"]!.GetValue<long>());
        Assert.Null(quiet["lastProviderError"]);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "connector_not_found");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task UserCancelling_IsAnOutcome_ButNotAProviderError()
    {
        _host.Upstream.CallbackQuery = "error=access_denied&error_description=The+user+said+no";
        await SignInAsync(HttpStatusCode.BadRequest);

        var health = await GetHealthAsync("acme");

        Assert.Equal("""{"provider_access_denied":1}""", health["outcomes"]!.ToJsonString());
        Assert.Null(health["lastProviderError"]);
    }

    private async Task SignInAsync(HttpStatusCode expected)
    {
        using var browser = _host.NewBrowser();
        using var response = await browser.SignInAsync(SignInHost.ConnectorId);
        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<JsonNode> GetHealthAsync(string id)
    {
        using var response = await _host.Admin.GetAsync($"/api/connectors/{id}/health", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
