using System.Diagnostics;
using System.Diagnostics.Metrics;
using Connector.OAuth2.Results;

namespace Connector.OAuth2.Diagnostics;

/// <summary>
/// One provider call being timed (<see cref="ProviderTelemetry.Start"/>). <see cref="End"/> records it once; disposing a
/// call that was never ended (the caller cancelled, an exception escaped) closes its span as cancelled and records no
/// duration, since the call has no outcome to measure.
/// </summary>
public sealed class ProviderCall : IDisposable
{
    public const string Success = "success";

    private readonly Histogram<double> _duration;
    private readonly string _endpoint;
    private readonly ProviderCalls? _calls;
    private readonly Activity? _activity;
    // Wall-clock elapsed time on purpose, not the injected TimeProvider: a fake clock would measure every call as 0 s.
    private readonly long _started = Stopwatch.GetTimestamp();
    private bool _ended;

    internal ProviderCall(Histogram<double> duration, string endpoint, ProviderCalls? calls, Activity? activity)
    {
        _duration = duration;
        _endpoint = endpoint;
        _calls = calls;
        _activity = activity;
    }

    /// <summary>Records the call: its duration, its timing in <see cref="ProviderCalls"/>, and its span's outcome.</summary>
    /// <param name="error">The call's failure, or null when it succeeded.</param>
    public void End(ConnectorError? error)
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        var elapsed = Stopwatch.GetElapsedTime(_started);
        var tags = new TagList { { ProviderTelemetry.EndpointTag, _endpoint } };
        if (_calls is not null)
        {
            tags.Add(ProviderTelemetry.ConnectorTag, _calls.ConnectorId);
        }

        _duration.Record(elapsed.TotalSeconds, tags);
        _calls?.Add(new ProviderCallTiming(_endpoint, elapsed, error?.Code ?? Success));
        if (_activity is null)
        {
            return;
        }

        if (error is not null)
        {
            // The code only: the provider's own words stay out of spans (see ProviderTelemetry).
            _activity.SetStatus(ActivityStatusCode.Error, error.Code);
            _activity.SetTag("error.type", error.Code);
            if (error.ProviderStatus is { } status)
            {
                _activity.SetTag("http.response.status_code", status);
            }
        }

        _activity.Dispose();
    }

    public void Dispose()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        _activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
        _activity?.Dispose();
    }
}
