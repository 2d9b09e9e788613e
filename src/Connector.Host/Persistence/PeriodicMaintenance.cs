using Npgsql;

namespace Connector.Host.Persistence;

/// <summary>
/// A database chore every instance runs at start and then on a timer (deleting what expired, say): at start too, so
/// instances restarted more often than the interval still do it. The work must be idempotent, as several instances
/// run it; a database that is away is <c>/readyz</c>'s business, so the next tick just tries again.
/// </summary>
internal abstract class PeriodicMaintenance(TimeSpan interval, TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    protected abstract string Name { get; }

    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, Time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (NpgsqlException exception)
            {
                PersistenceLog.MaintenanceFailed(Logger, Name, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
