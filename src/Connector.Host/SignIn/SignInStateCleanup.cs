using Dapper;
using Npgsql;

namespace Connector.Host.SignIn;

/// <summary>
/// Deletes sign-in states an hour after they expired, so the table holds only flows that can still finish
/// (and recent ones, for diagnosing a replay). Every instance may run it: the delete is idempotent.
/// </summary>
internal sealed partial class SignInStateCleanup(NpgsqlDataSource dataSource, TimeProvider time, ILogger<SignInStateCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromHours(1);

    private const string DeleteSql = "DELETE FROM sign_in_states WHERE expires_at < @Cutoff";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                var deleted = await connection.ExecuteAsync(new CommandDefinition(DeleteSql,
                    new { Cutoff = time.GetUtcNow() - KeptAfterExpiry }, cancellationToken: stoppingToken));
                LogDeleted(logger, deleted);
            }
            catch (NpgsqlException exception)
            {
                // The database being away is /readyz's business; the next tick tries again.
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Deleted {Count} expired sign-in states")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Could not delete expired sign-in states")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
