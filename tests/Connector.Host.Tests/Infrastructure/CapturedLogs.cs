using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Connector.Host.Tests.Infrastructure;

/// <summary>Keeps every log line a host writes, so tests can assert what was (and was not) logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => [.. _records];

    public string AllText => string.Join('\n', _records.Select(record => $"{record.Category} {record.Message} {record.Exception}"));

    public ILogger CreateLogger(string categoryName) => new CapturedLogger(categoryName, _records);

    public void Dispose()
    {
    }

    private sealed class CapturedLogger(string category, ConcurrentQueue<LogRecord> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            records.Enqueue(new LogRecord(logLevel, category, eventId, formatter(state, exception), exception?.ToString()));
    }
}
