using System.Diagnostics;
using System.Net;
using System.Web;
using Connector.Host.Tests.SignIn;
using Connector.OAuth2.Diagnostics;
using OpenTelemetry.Trace;

namespace Connector.Host.Tests.Telemetry;

/// <summary>The spans of a sign-in, as the in-memory exporter gets them: request, provider calls, database commands.</summary>
public sealed class SignInTracingTests : IAsyncLifetime
{
    private const string Email = "dorothy.vaughan@example.com";
    private const string Name = "Dorothy Vaughan";
    private const string Subject = "trace-subject-5521";

    private readonly string _connectorId = "traced-" + Guid.NewGuid().ToString("N")[..8];
    private readonly ExportedSpans _spans = new();
    private SignInHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await SignInHost.StartAsync(services: services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans).SetSampler(new AlwaysOnSampler())));
        await _host.CreateConnectorAsync(_connectorId, "Traced");
        _host.Upstream.SignsIn($$"""{"sub":"{{Subject}}","name":"{{Name}}","email":"{{Email}}"}""");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Callback_IsOneTrace_OfTheRequestTheProviderCallsAndTheDatabaseCommands_TaggedWithTheConnector()
    {
        using var browser = _host.NewBrowser();
        var callback = await Browser.AtProviderAsync(await browser.StartAsync(_connectorId));

        using (var response = await browser.GetAsync(callback))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var trace = await _spans.TraceOfAsync(IsCallback);
        var server = Assert.Single(trace, span => span.Kind == ActivityKind.Server);
        Assert.Equal("/callback/{connectorId}", server.GetTagItem("http.route"));
        Assert.Equal(302, server.GetTagItem("http.response.status_code"));
        var provider = trace.Where(span => span.Source.Name == ProviderTelemetry.Name).ToList();
        Assert.Equal(["provider token", "provider userinfo"], provider.Select(span => span.DisplayName));
        Assert.All(provider, span => Assert.Equal(_connectorId, span.GetTagItem("connector")));
        Assert.All(provider, span => Assert.Equal(server.SpanId, span.ParentSpanId));
        var database = trace.Where(span => span.Source.Name == "Npgsql").ToList();
        Assert.NotEmpty(database);
        Assert.Contains(database, span => (span.GetTagItem("db.query.text") ?? span.GetTagItem("db.statement")) is string sql
            && sql.Contains("user_identities", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Spans_CarryNoCodeStateVerifierTokenSecretOrProfileValue()
    {
        using var browser = _host.NewBrowser();
        var authorizationUrl = await browser.StartAsync(_connectorId);
        var state = HttpUtility.ParseQueryString(authorizationUrl.Query)["state"]!;
        var callback = await Browser.AtProviderAsync(authorizationUrl);

        (await browser.GetAsync(callback)).Dispose();

        var trace = await _spans.TraceOfAsync(IsCallback);
        var start = await _spans.TraceOfAsync(span => (span.GetTagItem("url.path") as string) == "/sign-in/" + _connectorId);
        var verifier = _host.Upstream.TokenForm()["code_verifier"];
        string[] secrets = [FakeProvider.Code, state, verifier, FakeProvider.AccessToken, "acme-secret-value", Subject, Name, Email,
            HttpUtility.ParseQueryString(authorizationUrl.Query)["code_challenge"]!];
        var texts = trace.Concat(start).SelectMany(ExportedSpans.Texts).ToList();
        Assert.True(trace.Count > 3, "the callback's trace was exported");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(texts, text => text.Contains(secret, StringComparison.Ordinal));
        }

        Assert.All(trace.Concat(start), span => Assert.Null(span.GetTagItem("url.query")));
    }

    private bool IsCallback(Activity span) => (span.GetTagItem("url.path") as string) == "/callback/" + _connectorId;
}
