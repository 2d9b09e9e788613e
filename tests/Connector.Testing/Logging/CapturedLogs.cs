using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Connector.Testing.Logging;

/// <summary>Keeps every log line a host writes from <paramref name="minimum"/> up, so tests can assert what was (and was not) logged.</summary>
public sealed class CapturedLogs(LogLevel minimum = LogLevel.Trace) : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();
    private readonly ConcurrentDictionary<TaskCompletionSource<LogRecord>, Func<LogRecord, bool>> _waiters = new();

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
        var waiter = Register(record => record.EventId.Id == eventId);
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

    /// <summary>
    /// The next record that <paramref name="match"/> accepts, written after this call: start waiting, then check the
    /// state a background worker changes, then await, and no change can slip in between.
    /// </summary>
    public async Task<LogRecord> NextAsync(Func<LogRecord, bool> match, CancellationToken ct)
    {
        var waiter = Register(match);
        try
        {
            return await waiter.Task.WaitAsync(ct);
        }
        finally
        {
            _waiters.TryRemove(waiter, out _);
        }
    }

    private TaskCompletionSource<LogRecord> Register(Func<LogRecord, bool> match)
    {
        var waiter = new TaskCompletionSource<LogRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters[waiter] = match;
        return waiter;
    }

    private void Add(LogRecord record)
    {
        _records.Enqueue(record);
        foreach (var (waiter, match) in _waiters)
        {
            if (match(record))
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
                var properties = state is IReadOnlyList<KeyValuePair<string, object?>> values
                    ? values.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal)
                    : [];
                logs.Add(new LogRecord(logLevel, category, eventId, formatter(state, exception), exception?.ToString(), properties));
            }
        }
    }
}
