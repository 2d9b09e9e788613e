using Microsoft.Extensions.Logging;

namespace Connector.Host.Tests.TokenVault;

/// <summary>A log provider that counts one event id across hosts and completes a wait when the count is reached: an event to await, not a clock to poll.</summary>
public sealed class EventCounter(int eventId) : ILoggerProvider
{
    private readonly int _eventIdToCount = eventId;
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _awaited = [];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public async Task CountOf(int count)
    {
        Task reached;
        lock (_lock)
        {
            if (_count >= count)
            {
                return;
            }

            var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaited.Add((count, source));
            reached = source.Task;
        }

        try
        {
            await reached.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{Count} of the {count} events expected were logged within 60 s.");
        }
    }

    public ILogger CreateLogger(string categoryName) => new Counting(this);

    public void Dispose()
    {
    }

    private void Seen()
    {
        lock (_lock)
        {
            _count++;
            foreach (var awaited in _awaited.Where(awaited => awaited.Count <= _count).ToList())
            {
                awaited.Reached.TrySetResult();
                _awaited.Remove(awaited);
            }
        }
    }

    private sealed class Counting(EventCounter counter) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == counter._eventIdToCount)
            {
                counter.Seen();
            }
        }
    }
}
