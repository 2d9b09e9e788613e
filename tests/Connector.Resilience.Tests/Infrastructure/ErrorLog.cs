using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Connector.Resilience.Tests.Infrastructure;

/// <summary>Every warning and error the host logged, for assertions and for failure messages.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Errors => [.. _entries.Where(entry => entry.StartsWith("Error", StringComparison.Ordinal) || entry.StartsWith("Critical", StringComparison.Ordinal))];

    public override string ToString() => string.Join("\n", _entries.TakeLast(20));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}{(exception is null ? "" : " — " + exception.GetType().Name + ": " + exception.Message)}");
            }
        }
    }
}
