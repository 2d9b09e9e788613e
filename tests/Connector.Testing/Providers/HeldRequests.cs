namespace Connector.Testing.Providers;

/// <summary>
/// Requests an endpoint holds unanswered until the test releases them (<see cref="FakeProvider.Holds"/>). Arrivals are
/// events to await, never a clock to poll; a hold is bounded, so a test that forgets to release still ends.
/// </summary>
public sealed class HeldRequests
{
    /// <summary>The longest a request is held when nobody releases it.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(int Count, TaskCompletionSource Reached)> _awaited = [];
    private int _arrived;
    private int _waiting;

    /// <summary>Requests that have arrived so far.</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    /// <summary>Requests arrived and not answered yet: still held.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Requests arrived, and every one still held: the provider has answered nothing (a timeout test's proof).</summary>
    public bool NoneAnswered => Arrived > 0 && Waiting == Arrived;

    /// <summary>Completes once <paramref name="count"/> requests have arrived; fails the test when they do not within <see cref="Limit"/>.</summary>
    public async Task ArrivalOf(int count = 1)
    {
        Task reached;
        lock (_awaited)
        {
            if (_arrived >= count)
            {
                return;
            }

            var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaited.Add((count, source));
            reached = source.Task;
        }

        try
        {
            await reached.WaitAsync(Limit, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{Arrived} of the {count} requests expected arrived within {Limit.TotalSeconds:F0} s.");
        }
    }

    /// <summary>Lets every held request, and every later one, be answered.</summary>
    public void Release() => _released.TrySetResult();

    internal async Task WaitAsync()
    {
        Interlocked.Increment(ref _waiting);
        lock (_awaited)
        {
            _arrived++;
            foreach (var awaited in _awaited.Where(awaited => awaited.Count <= _arrived).ToList())
            {
                awaited.Reached.TrySetResult();
                _awaited.Remove(awaited);
            }
        }

        try
        {
            await _released.Task.WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            // Nobody released it: answer anyway rather than hold the server forever.
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }
}
