using Connector.Host.Security;
using Connector.OAuth2.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Connector.Host.Telemetry;

/// <summary>
/// OpenTelemetry for the host (<c>docs/operations.md</c>): spans of incoming requests, of the engine's provider calls and
/// of every database command (made only when an OTLP endpoint takes them); the host's, the engine's, ASP.NET Core's
/// and the runtime's metrics. Exported by OTLP when the standard <c>OTEL_EXPORTER_OTLP_*</c> variables name an endpoint,
/// and always as Prometheus text at <see cref="MetricsPath"/>. <c>OTEL_SDK_DISABLED=true</c> turns all of it off (the
/// SDK's own switch).
/// </summary>
internal static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    private const string ServiceName = "connectors";
    private const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string OtlpTracesEndpoint = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    private const string OtlpMetricsEndpoint = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT";

    // Probes and scrapes would otherwise be most of the spans, and say nothing.
    private static readonly string[] Unspanned = [MetricsPath, "/healthz", "/readyz"];

    public static IServiceCollection AddConnectorsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        services.AddSingleton<SignInMetrics>();
        services.AddHostedService<TelemetryStartupLog>();

        var otlp = Otlp.From(configuration);
        // Per signal rather than UseOtlpExporter, which would also ship every log record: logs stay on the host's own
        // providers (stdout), whose filters keep OpenIddict's request dumps out.
        services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME, when set, names the service instead.
                if (string.IsNullOrEmpty(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService(ServiceName);
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(ProviderTelemetry.Name)
                    .AddAspNetCoreInstrumentation(options =>
                    {
                        options.Filter = context => !Unspanned.Contains(context.Request.Path.Value, StringComparer.OrdinalIgnoreCase);
                        // A query carries codes and states (the callback, /oidc/auth): not even its redacted shape is kept.
                        options.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                    })
                    .AddNpgsql();
                if (otlp.Traces)
                {
                    tracing.AddOtlpExporter();
                }
                else
                {
                    // Spans that nobody exports are not made: with a sampler that keeps none, no request, provider call
                    // or database command builds an Activity and its tags only to drop them (docs/benchmarks/round-two-profile.md).
                    tracing.SetSampler(new AlwaysOffSampler());
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ProviderTelemetry.Name, SignInMetrics.MeterName, "System.Runtime")
                    .AddAspNetCoreInstrumentation()
                    // No cached scrape: a scrape right after a sign-in sees it.
                    .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp.Metrics)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary><see cref="MetricsPath"/>: behind the admin key unless <c>Connectors:Metrics:Anonymous</c>.</summary>
    public static IEndpointRouteBuilder MapConnectorsTelemetry(this IEndpointRouteBuilder app)
    {
        var scrape = app.MapPrometheusScrapingEndpoint(MetricsPath);
        if (!app.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value.Anonymous)
        {
            scrape.RequireAuthorization(AdminKeyDefaults.Policy);
        }

        return app;
    }

    /// <summary>Which signals go out by OTLP: the general endpoint sends both, a per-signal one only its own.</summary>
    internal sealed record Otlp(bool All, bool TracesOnly, bool MetricsOnly)
    {
        public bool Traces => All || TracesOnly;

        public bool Metrics => All || MetricsOnly;

        public static Otlp From(IConfiguration configuration)
        {
            var all = !string.IsNullOrEmpty(configuration[OtlpEndpoint]);
            return new(all,
                !all && !string.IsNullOrEmpty(configuration[OtlpTracesEndpoint]),
                !all && !string.IsNullOrEmpty(configuration[OtlpMetricsEndpoint]));
        }

        public string? Describe(IConfiguration configuration) => this switch
        {
            { All: true } => configuration[OtlpEndpoint],
            { TracesOnly: true, MetricsOnly: true } => configuration[OtlpTracesEndpoint] + ", " + configuration[OtlpMetricsEndpoint],
            { TracesOnly: true } => configuration[OtlpTracesEndpoint],
            { MetricsOnly: true } => configuration[OtlpMetricsEndpoint],
            _ => null,
        };

        public string Signals => All || (TracesOnly && MetricsOnly) ? "traces, metrics" : TracesOnly ? "traces" : "metrics";
    }
}
