namespace Connector.Host.Persistence;

/// <summary>The database's log events (ids 2100–2199).</summary>
internal static partial class PersistenceLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Applied migration {Name}")]
    public static partial void MigrationApplied(ILogger logger, string name);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Database schema up to date ({Applied} applied now, {Total} known)")]
    public static partial void MigrationsDone(ILogger logger, int applied, int total);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Warning, Message = "Periodic {Job} could not reach the database; it runs again at its next tick")]
    public static partial void MaintenanceFailed(ILogger logger, string job, Exception exception);
}
