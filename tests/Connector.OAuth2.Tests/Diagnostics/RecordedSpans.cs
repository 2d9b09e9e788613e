using System.Collections.Concurrent;
using System.Diagnostics;
using Connector.OAuth2.Diagnostics;

namespace Connector.OAuth2.Tests.Diagnostics;

/// <summary>
/// Listens to the engine's ActivitySource as a host's tracer would. The source is one per process and tests run in
/// parallel, so each test reads only the spans of its own connector id.
/// </summary>
internal sealed class RecordedSpans : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public RecordedSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ProviderTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Of(string connectorId) =>
        [.. _stopped.Where(activity => (activity.GetTagItem(ProviderTelemetry.ConnectorTag) as string) == connectorId)];

    /// <summary>Every text a span carries: its name, status text, tag and event names and values, baggage.</summary>
    public static IEnumerable<string> Texts(Activity activity) =>
        new[] { activity.DisplayName, activity.OperationName, activity.StatusDescription ?? "" }
            .Concat(activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"))
            .Concat(activity.Events.SelectMany(e => e.Tags.Select(tag => $"{tag.Key}={tag.Value}").Append(e.Name)))
            .Concat(activity.Baggage.Select(item => $"{item.Key}={item.Value}"));

    public void Dispose() => _listener.Dispose();
}
