namespace Connector.Host.Persistence;

internal static partial class PersistenceLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Applied migration {Name}")]
    public static partial void MigrationApplied(ILogger logger, string name);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Database schema up to date ({Applied} applied now, {Total} known)")]
    public static partial void MigrationsDone(ILogger logger, int applied, int total);
}
