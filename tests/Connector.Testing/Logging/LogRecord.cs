using Microsoft.Extensions.Logging;

namespace Connector.Testing.Logging;

public sealed record LogRecord(LogLevel Level, string Category, EventId EventId, string Message, string? Exception)
{
    public override string ToString() => $"{Level} {Category}[{EventId.Id}]: {Message}{(Exception is null ? "" : " — " + Exception)}";
}
