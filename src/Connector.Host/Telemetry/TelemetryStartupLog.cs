using Microsoft.Extensions.Options;

namespace Connector.Host.Telemetry;

/// <summary>Says at start where telemetry goes, and warns when <c>/metrics</c> is open to anyone.</summary>
internal sealed class TelemetryStartupLog(IConfiguration configuration, IOptions<MetricsOptions> metrics, ILogger<TelemetryStartupLog> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var otlp = TelemetryExtensions.Otlp.From(configuration);
        if (otlp.Describe(configuration) is { } endpoint)
        {
            var where = Where(endpoint);
            TelemetryLog.OtlpExport(logger, where, otlp.Signals);
        }

        if (metrics.Value.Anonymous)
        {
            TelemetryLog.AnonymousMetrics(logger);
        }

        return Task.CompletedTask;
    }

    /// <summary>Scheme, host and port only: an endpoint written with a user and password keeps them out of the log.</summary>
    private static string Where(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Host}:{uri.Port}" : "(not an absolute URL)";

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
