using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Connector.Testing.Logging;

/// <summary>Keeps every log line a host writes from <paramref name="minimum"/> up, so tests can assert what was (and was not) logged.</summary>
public sealed class CapturedLogs(LogLevel minimum = LogLevel.Trace) : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();
    private readonly ConcurrentDictionary<TaskCompletionSource<LogRecord>, int> _waiters = new();

    public IReadOnlyList<LogRecord> Records => [.. _records];

    /// <summary>Errors and worse: what no healthy run writes.</summary>
    public IReadOnlyList<LogRecord> Errors => [.. _records.Where(record => record.Level >= LogLevel.Error)];

    public string AllText => string.Join('\n', _records.Select(record => $"{record.Category} {record.Message} {record.Exception}"));

    public ILogger CreateLogger(string categoryName) => new CapturedLogger(categoryName, minimum, this);

    /// <summary>
    /// The first record with <paramref name="eventId"/>, already written or written next: how a test waits for a
    /// background chore to finish without guessing a delay.
    /// </summary>
    public async Task<LogRecord> WaitForAsync(int eventId, CancellationToken ct)
    {
        var waiter = new TaskCompletionSource<LogRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters[waiter] = eventId;
        try
        {
            if (_records.FirstOrDefault(record => record.EventId.Id == eventId) is { } written)
            {
                return written;
            }

            return await waiter.Task.WaitAsync(ct);
        }
        finally
        {
            _waiters.TryRemove(waiter, out _);
        }
    }

    private void Add(LogRecord record)
    {
        _records.Enqueue(record);
        foreach (var (waiter, eventId) in _waiters)
        {
            if (eventId == record.EventId.Id)
            {
                waiter.TrySetResult(record);
            }
        }
    }

    /// <summary>The last lines, for a failure message.</summary>
    public override string ToString() => string.Join('\n', _records.TakeLast(20));

    public void Dispose()
    {
    }

    private sealed class CapturedLogger(string category, LogLevel minimum, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logs.Add(new LogRecord(logLevel, category, eventId, formatter(state, exception), exception?.ToString()));
            }
        }
    }
}
