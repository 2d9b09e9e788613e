using Npgsql;

namespace Connector.Host.SignIn;

/// <summary>
/// Deletes sign-in states an hour after they expired, so the table holds only flows that can still finish
/// (and recent ones, for diagnosing a replay). Every instance may run it: the delete is idempotent.
/// </summary>
internal sealed class SignInStateCleanup(SignInStateStore states, TimeProvider time, ILogger<SignInStateCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await states.DeleteExpiredAsync(time.GetUtcNow() - KeptAfterExpiry, stoppingToken);
                SignInLog.StatesDeleted(logger, deleted);
            }
            catch (NpgsqlException exception)
            {
                // The database being away is /readyz's business; the next tick tries again.
                SignInLog.StatesNotDeleted(logger, exception);
            }
        }
    }
}
