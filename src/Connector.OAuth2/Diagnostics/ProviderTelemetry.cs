using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Connector.OAuth2.Diagnostics;

/// <summary>
/// Spans and durations of the calls to providers, through System.Diagnostics alone (the engine carries no
/// OpenTelemetry package): an <see cref="ActivitySource"/> and a <see cref="Meter"/> both named <see cref="Name"/>, which a
/// host subscribes to by name. Each call gets a client span and one measurement of <see cref="DurationName"/>, tagged
/// with the connector (<see cref="ProviderCalls.ConnectorId"/>) and the endpoint kind (<see cref="ProviderEndpoints"/>);
/// the span also names the provider's host, and a failure's error code and HTTP status. Never a URL path or query, a
/// code, state, verifier, token, secret or profile value, nor the provider's error text (a provider may echo what it
/// was sent in it; the host's audit keeps those words for the operator).
/// </summary>
public sealed class ProviderTelemetry
{
    public const string Name = "Connector.OAuth2";

    /// <summary>Prometheus shows it as <c>connectors_provider_request_duration_seconds</c>.</summary>
    public const string DurationName = "connectors.provider_request.duration";

    /// <summary>The tag naming the connector (on spans and measurements).</summary>
    public const string ConnectorTag = "connector";

    /// <summary>The tag naming the endpoint kind (on spans and measurements).</summary>
    public const string EndpointTag = "endpoint";

    // Seconds from 5 ms to the default outbound timeout of 10 s; the SDK's default boundaries are meant for milliseconds.
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    // ActivitySource has no factory, unlike Meter: one per process, as System.Net.Http keeps its own.
    private static readonly ActivitySource Source = new(Name);

    private readonly Histogram<double> _duration;

    public ProviderTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        // The factory owns the meter and disposes it with the container.
        _duration = meters.Create(Name).CreateHistogram(DurationName, unit: "s",
            description: "Duration of calls to providers' token, userinfo and discovery endpoints.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
    }

    /// <summary>Starts timing a call (and its span, when someone listens); end it with <see cref="ProviderCall.End"/>.</summary>
    /// <param name="url">The endpoint called; only its host and port reach the span.</param>
    /// <param name="calls">Whose call it is; null for a call made for no connector (discovery before one exists).</param>
    public ProviderCall Start(string endpoint, string url, ProviderCalls? calls)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        var activity = Source.HasListeners() ? Source.StartActivity("provider " + endpoint, ActivityKind.Client) : null;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(EndpointTag, endpoint);
            if (calls is not null)
            {
                activity.SetTag(ConnectorTag, calls.ConnectorId);
            }

            if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                activity.SetTag("server.address", uri.Host);
                activity.SetTag("server.port", uri.Port);
            }
        }

        return new ProviderCall(_duration, endpoint, calls, activity);
    }
}
