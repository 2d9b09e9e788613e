using System.Collections;
using System.Diagnostics;

namespace Connector.Host.Tests.Telemetry;

/// <summary>
/// What the host's tracer exported, for the in-memory exporter: the exporter adds from the threads that end spans while
/// the test reads, hence the lock. The tracer hears every host in this process, so a test reads its own trace only.
/// </summary>
internal sealed class ExportedSpans : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count
    {
        get { lock (_spans) { return _spans.Count; } }
    }

    public bool IsReadOnly => false;

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_spans)
        {
            return [.. _spans];
        }
    }

    /// <summary>
    /// The spans of the trace whose server span matches, once that span has ended: a server span ends after its answer
    /// reached the client, so this waits for the exporter to add it (5 s at most).
    /// </summary>
    public async Task<IReadOnlyList<Activity>> TraceOfAsync(Func<Activity, bool> serverSpan)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(5));
        while (true)
        {
            Task added;
            lock (_spans)
            {
                added = _added.Task; // taken before looking, so a span added meanwhile still wakes this
            }

            if (Snapshot().FirstOrDefault(span => span.Kind == ActivityKind.Server && serverSpan(span)) is { } server)
            {
                return [.. Snapshot().Where(span => span.TraceId == server.TraceId)];
            }

            try
            {
                await added.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new InvalidOperationException("No such server span was exported within 5 s.");
            }
        }
    }

    /// <summary>Every text a span carries: its names, status, tags, events, links' tags and baggage.</summary>
    public static IEnumerable<string> Texts(Activity span) =>
        new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(tag => $"{tag.Key}={tag.Value}").Append(e.Name)))
            .Concat(span.Baggage.Select(item => $"{item.Key}={item.Value}"));

    public void Add(Activity item)
    {
        TaskCompletionSource added;
        lock (_spans)
        {
            _spans.Add(item);
            added = _added;
            _added = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        added.SetResult();
    }

    public void Clear()
    {
        lock (_spans)
        {
            _spans.Clear();
        }
    }

    public bool Contains(Activity item) => Snapshot().Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_spans)
        {
            _spans.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(Activity item)
    {
        lock (_spans)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
