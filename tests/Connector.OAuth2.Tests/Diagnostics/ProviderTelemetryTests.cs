using System.Diagnostics;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Diagnostics;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tests.Support;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Connector.OAuth2.Tests.Diagnostics;

public sealed class ProviderTelemetryTests : IDisposable
{
    private const string Profile = """{"id":"subject-7781","name":"Grace Hopper","email":"grace@navy.example"}""";
    private const string AccessToken = "at-telemetry-5521";
    private const string RefreshToken = "rt-telemetry-9934";

    private readonly FakeProvider _provider = new();
    private readonly Engine _engine = new();
    private readonly RecordedSpans _spans = new();
    // Unique per test: the ActivitySource is shared by every test running in this process.
    private readonly string _connectorId = "telemetry-" + Guid.NewGuid().ToString("N")[..8];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_RecordsOneDurationPerProviderCall_TaggedWithConnectorAndEndpoint()
    {
        SignsIn();
        using var durations = new MetricCollector<double>(_engine.Meters, ProviderTelemetry.Name, ProviderTelemetry.DurationName);

        var result = await _engine.Connector.CompleteSignInAsync(Configs.For(_provider), Configs.Exchange(), Configs.Calls(_connectorId), Ct);

        Assert.False(result.IsError, result.Error?.Message);
        var measured = durations.GetMeasurementSnapshot();
        Assert.Equal([ProviderEndpoints.Token, ProviderEndpoints.UserInfo], measured.Select(m => m.Tags[ProviderTelemetry.EndpointTag]));
        Assert.All(measured, m => Assert.Equal(_connectorId, m.Tags[ProviderTelemetry.ConnectorTag]));
        Assert.All(measured, m => Assert.Equal(2, m.Tags.Count));
        Assert.All(measured, m => Assert.InRange(m.Value, 0, 10));
    }

    [Fact]
    public async Task SignIn_LeavesEachCallsTiming_InTheFlowsProviderCalls()
    {
        _provider.OnTokenJson($$"""{"access_token":"{{AccessToken}}","token_type":"Bearer"}""");
        _provider.OnceThen("GET", FakeProvider.UserInfoPath, FakeProvider.Status(503), FakeProvider.Json(Profile));
        var calls = Configs.Calls(_connectorId);

        var result = await _engine.Connector.CompleteSignInAsync(Configs.For(_provider), Configs.Exchange(), calls, Ct);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal(
            [(ProviderEndpoints.Token, ProviderCall.Success), (ProviderEndpoints.UserInfo, ConnectorErrorCodes.UserInfoFailed), (ProviderEndpoints.UserInfo, ProviderCall.Success)],
            calls.Timings.Select(t => (t.Endpoint, t.Outcome)));
        Assert.All(calls.Timings, t => Assert.True(t.Duration > TimeSpan.Zero));
    }

    [Fact]
    public async Task ProviderCalls_AreClientSpans_WithTheConnectorEndpointKindAndProviderHost()
    {
        SignsIn();

        await _engine.Connector.CompleteSignInAsync(Configs.For(_provider), Configs.Exchange(), Configs.Calls(_connectorId), Ct);

        var spans = _spans.Of(_connectorId);
        Assert.Equal(["provider token", "provider userinfo"], spans.Select(span => span.DisplayName));
        Assert.All(spans, span => Assert.Equal(ActivityKind.Client, span.Kind));
        Assert.All(spans, span => Assert.Equal(new Uri(_provider.Url).Host, span.GetTagItem("server.address")));
        Assert.Equal([ProviderEndpoints.Token, ProviderEndpoints.UserInfo], spans.Select(span => span.GetTagItem(ProviderTelemetry.EndpointTag)));
        Assert.All(spans, span => Assert.Equal(ActivityStatusCode.Unset, span.Status));
    }

    [Fact]
    public async Task Spans_CarryNoCodeVerifierSecretTokenOrProfileValue()
    {
        SignsIn();
        var config = Configs.For(_provider) with
        {
            TokenEndpoint = _provider.TokenEndpoint + "?tenant=t-secret-query",
            ProfileMap = new ProfileMap { Id = "id", Name = "name", Email = "email" },
        };

        await _engine.Connector.CompleteSignInAsync(config, Configs.Exchange("code-wire-3318", "verifier-wire-4471"), Configs.Calls(_connectorId), Ct);

        var sent = _provider.SingleRequest(FakeProvider.TokenPath).Form();
        string[] secrets = [sent["code"], sent["code_verifier"], sent["client_secret"], AccessToken, RefreshToken,
            "subject-7781", "Grace Hopper", "grace@navy.example", "t-secret-query"];
        var texts = _spans.Of(_connectorId).SelectMany(RecordedSpans.Texts).ToList();
        Assert.NotEmpty(texts);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(texts, text => text.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task FailedCall_SpanHasTheErrorCodeAndStatus_ButNotTheProvidersWords()
    {
        _provider.OnTokenJson("""{"error":"invalid_grant","error_description":"code code-abc was already used"}""", status: 400);

        var result = await _engine.Connector.CompleteSignInAsync(Configs.For(_provider), Configs.Exchange(), Configs.Calls(_connectorId), Ct);

        Assert.Equal(ConnectorErrorCodes.TokenExchangeFailed, result.Error?.Code);
        var span = Assert.Single(_spans.Of(_connectorId));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(ConnectorErrorCodes.TokenExchangeFailed, span.GetTagItem("error.type"));
        Assert.Equal(400, span.GetTagItem("http.response.status_code"));
        Assert.DoesNotContain(RecordedSpans.Texts(span), text => text.Contains("already used", StringComparison.Ordinal)
            || text.Contains("invalid_grant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProviderRequests_CarryNoTraceContext_EvenInsideASpan()
    {
        SignsIn();
        using var source = new ActivitySource("Connector.OAuth2.Tests.Caller");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var caller = source.StartActivity("callback");
        caller?.AddBaggage("tenant", "ours");

        await _engine.Connector.CompleteSignInAsync(Configs.For(_provider), Configs.Exchange(), Configs.Calls(_connectorId), Ct);

        Assert.NotNull(caller);
        Assert.All(_provider.Requests(), request =>
        {
            Assert.False(request.HasHeader("traceparent"));
            Assert.False(request.HasHeader("tracestate"));
            Assert.False(request.HasHeader("baggage"));
            Assert.False(request.HasHeader("Request-Id"));
        });
        Assert.All(_spans.Of(_connectorId), span => Assert.Equal(caller.TraceId, span.TraceId));
    }

    private void SignsIn()
    {
        _provider.OnTokenJson($$"""{"access_token":"{{AccessToken}}","refresh_token":"{{RefreshToken}}","token_type":"Bearer","expires_in":3600}""");
        _provider.OnUserInfoJson(Profile);
    }

    public void Dispose()
    {
        _spans.Dispose();
        _engine.Dispose();
        _provider.Dispose();
    }
}
