using Microsoft.Extensions.Logging;

namespace Connector.Host.Tests.Infrastructure;

public sealed record LogRecord(LogLevel Level, string Category, EventId EventId, string Message, string? Exception);
