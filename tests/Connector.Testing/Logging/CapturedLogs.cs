using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Connector.Testing.Logging;

/// <summary>Keeps every log line a host writes from <paramref name="minimum"/> up, so tests can assert what was (and was not) logged.</summary>
public sealed class CapturedLogs(LogLevel minimum = LogLevel.Trace) : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => [.. _records];

    /// <summary>Errors and worse: what no healthy run writes.</summary>
    public IReadOnlyList<LogRecord> Errors => [.. _records.Where(record => record.Level >= LogLevel.Error)];

    public string AllText => string.Join('\n', _records.Select(record => $"{record.Category} {record.Message} {record.Exception}"));

    public ILogger CreateLogger(string categoryName) => new CapturedLogger(categoryName, minimum, _records);

    /// <summary>The last lines, for a failure message.</summary>
    public override string ToString() => string.Join('\n', _records.TakeLast(20));

    public void Dispose()
    {
    }

    private sealed class CapturedLogger(string category, LogLevel minimum, ConcurrentQueue<LogRecord> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                records.Enqueue(new LogRecord(logLevel, category, eventId, formatter(state, exception), exception?.ToString()));
            }
        }
    }
}
