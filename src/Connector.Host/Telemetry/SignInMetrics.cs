using System.Diagnostics.Metrics;

namespace Connector.Host.Telemetry;

/// <summary>
/// The host's own instruments, on the meter <see cref="MeterName"/>: sign-ins by connector and outcome, how long a
/// callback took to finish one, and callbacks refused before any sign-in began. Every tag value comes from a closed
/// set the host chose (a connector id that a pending state vouched for, an error code, a <see cref="CallbackRefusals"/>
/// reason), never from the request, so an attacker cannot mint series.
/// </summary>
internal sealed class SignInMetrics
{
    public const string MeterName = "Connector.Host";

    /// <summary>Prometheus: <c>connectors_sign_ins_total{connector,outcome}</c>.</summary>
    public const string SignInsName = "connectors.sign_ins";

    /// <summary>Prometheus: <c>connectors_sign_in_duration_seconds{connector}</c>.</summary>
    public const string DurationName = "connectors.sign_in.duration";

    /// <summary>Prometheus: <c>connectors_callbacks_refused_total{reason}</c>.</summary>
    public const string RefusedName = "connectors.callbacks_refused";

    public const string ConnectorTag = "connector";
    public const string OutcomeTag = "outcome";
    public const string ReasonTag = "reason";

    // From 10 ms to 30 s: a callback is two provider calls and a transaction, bounded by the outbound timeout.
    private static readonly double[] Buckets = [0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10, 30];

    private readonly Counter<long> _signIns;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _refused;

    public SignInMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _signIns = meter.CreateCounter<long>(SignInsName, unit: "{sign_in}",
            description: "Sign-ins completed at the callback, by connector and outcome (success or the error code).");
        _duration = meter.CreateHistogram(DurationName, unit: "s",
            description: "Time from the provider's redirect back to the answer: code exchange, profile, user and session.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
        _refused = meter.CreateCounter<long>(RefusedName, unit: "{callback}",
            description: "Callbacks refused before a sign-in was found: no state, or a state nobody issued to this browser.");
    }

    /// <param name="connectorId">The connector of the pending sign-in the callback's state named.</param>
    /// <param name="outcome"><c>success</c> or the error code shown.</param>
    public void SignInFinished(string connectorId, string outcome, TimeSpan elapsed)
    {
        _signIns.Add(1, new KeyValuePair<string, object?>(ConnectorTag, connectorId), new KeyValuePair<string, object?>(OutcomeTag, outcome));
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(ConnectorTag, connectorId));
    }

    /// <param name="reason">One of <see cref="CallbackRefusals"/>.</param>
    public void CallbackRefused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>(ReasonTag, reason));
}
