using System.Diagnostics.Metrics;
using System.Net;
using Connector.Host.Telemetry;
using Connector.Host.Tests.SignIn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Connector.Host.Tests.Telemetry;

/// <summary>
/// The metrics of a sign-in, read from <c>/metrics</c> as a scraper would. Meters are heard process-wide and test hosts
/// run side by side, so each test signs in through a connector id of its own.
/// </summary>
public sealed class SignInMetricsTests : IAsyncLifetime
{
    private const string Profile = """{"sub":"metrics-user-1","name":"Katherine Johnson","email":"kj@example.com"}""";

    private readonly string _connectorId = "metrics-" + Guid.NewGuid().ToString("N")[..8];
    private SignInHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await SignInHost.StartAsync();
        await _host.CreateConnectorAsync(_connectorId, "Metrics");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task SignIn_MovesTheSignInCounter_ForItsConnectorAndOutcome()
    {
        _host.Upstream.SignsIn(Profile);
        var before = await PrometheusText.ScrapeAsync(_host.Admin);

        using (var browser = _host.NewBrowser())
        using (var response = await browser.SignInAsync(_connectorId))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var after = await PrometheusText.ScrapeAsync(_host.Admin);
        Assert.Equal(0, before.Value("connectors_sign_ins_total", ("connector", _connectorId)));
        Assert.Equal(1, after.Value("connectors_sign_ins_total", ("connector", _connectorId), ("outcome", "success")));
        Assert.Equal(1, after.Value("connectors_sign_ins_total", ("connector", _connectorId)));
        Assert.Equal(1, after.Value("connectors_sign_in_duration_seconds_count", ("connector", _connectorId)));
    }

    [Fact]
    public async Task FailedSignIn_CountsUnderItsErrorCode()
    {
        _host.Upstream.OnTokenJson("""{"error":"invalid_grant","error_description":"code expired"}""", status: 400);

        using (var browser = _host.NewBrowser())
        using (var response = await browser.SignInAsync(_connectorId))
        {
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        }

        var metrics = await PrometheusText.ScrapeAsync(_host.Admin);
        Assert.Equal(1, metrics.Value("connectors_sign_ins_total", ("connector", _connectorId), ("outcome", "token_exchange_failed")));
        Assert.Equal(0, metrics.Value("connectors_sign_ins_total", ("connector", _connectorId), ("outcome", "success")));
        Assert.DoesNotContain("code expired", metrics.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("invalid_grant", metrics.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ShowProviderCallDurations_ByConnectorAndEndpoint_AndTheFrameworksOwn_ButNotBlazorsRenders()
    {
        _host.Upstream.SignsIn(Profile);
        using (var browser = _host.NewBrowser())
        {
            (await browser.SignInAsync(_connectorId)).Dispose();
            using var account = await browser.GetAsync("/account");
            Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        }

        var metrics = await PrometheusText.ScrapeAsync(_host.Admin);

        Assert.Equal(1, metrics.Value("connectors_provider_request_duration_seconds_count", ("connector", _connectorId), ("endpoint", "token")));
        Assert.Equal(1, metrics.Value("connectors_provider_request_duration_seconds_count", ("connector", _connectorId), ("endpoint", "userinfo")));
        Assert.NotEmpty(metrics.Samples("connectors_provider_request_duration_seconds_bucket", ("connector", _connectorId), ("le", "0.005")));
        Assert.True(metrics.Has("http_server_request_duration_seconds_count"), "ASP.NET Core's request durations");
        Assert.Contains("dotnet_gc_", metrics.Text, StringComparison.Ordinal);
        // No render timings: the account page was rendered by the static renderer, which Blazor's meters do not see
        // (they were 2 % of the host's CPU per sign-in, docs/benchmarks/round-two-profile.md).
        Assert.DoesNotContain("aspnetcore_components_", metrics.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeProvider.Code, metrics.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("kj@example.com", metrics.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatelessCallbacks_WriteNoAuditRow_AndMoveTheRefusedCounter()
    {
        var meters = _host.Factory.Services.GetRequiredService<IMeterFactory>();
        using var refused = new MetricCollector<long>(meters, SignInMetrics.MeterName, SignInMetrics.RefusedName);
        using var browser = _host.NewBrowser();
        await browser.StartAsync(_connectorId); // a binding cookie, but not the state below

        using (var missing = await browser.GetAsync($"/callback/{_connectorId}?code=abc"))
        using (var attackerText = await browser.GetAsync("/callback/%3Cscript%3Ex%3C%2Fscript%3E?code=abc"))
        using (var unknown = await browser.GetAsync($"/callback/{_connectorId}?code=abc&state=" + new string('A', 43)))
        {
            Assert.All([missing, attackerText, unknown], response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
        }

        Assert.Equal(0, await _host.CountAsync("audit_events WHERE action = 'sign_in'"));
        Assert.Equal([("missing_state", 2L), ("unknown_state", 1L)], refused.GetMeasurementSnapshot()
            .GroupBy(m => (string)m.Tags[SignInMetrics.ReasonTag]!).Select(g => (g.Key, g.Sum(m => m.Value))).Order());
        var metrics = await PrometheusText.ScrapeAsync(_host.Admin);
        Assert.True(metrics.Value("connectors_callbacks_refused_total", ("reason", "missing_state")) >= 2);
        Assert.True(metrics.Value("connectors_callbacks_refused_total", ("reason", "unknown_state")) >= 1);
        Assert.DoesNotContain("script", metrics.Text, StringComparison.Ordinal);
        Assert.Equal(0, metrics.Value("connectors_sign_ins_total", ("connector", _connectorId)));
    }

    [Fact]
    public async Task Metrics_WithoutTheAdminKey_Is401()
    {
        using var anonymous = _host.Factory.CreateClient();

        using var response = await anonymous.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
