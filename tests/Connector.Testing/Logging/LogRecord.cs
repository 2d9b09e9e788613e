using Microsoft.Extensions.Logging;

namespace Connector.Testing.Logging;

/// <summary>One log line as written; <see cref="Properties"/> holds a structured message's named values (<c>{WakeAt}</c> → its value).</summary>
public sealed record LogRecord(
    LogLevel Level, string Category, EventId EventId, string Message, string? Exception, IReadOnlyDictionary<string, object?> Properties)
{
    public override string ToString() => $"{Level} {Category}[{EventId.Id}]: {Message}{(Exception is null ? "" : " — " + Exception)}";
}
