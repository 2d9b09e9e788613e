using Npgsql;

namespace Connector.Host.Webhooks;

/// <summary>
/// Holds one connection that <c>LISTEN</c>s on <see cref="DeliveryStore.Channel"/> and wakes the dispatcher at each
/// notification, so a delivery starts the moment its change commits, on whichever instance is free. When the connection
/// is lost the dispatcher's polling carries on alone until it is back.
/// </summary>
internal sealed class WebhookListener(NpgsqlDataSource dataSource, WebhookSignal signal, TimeProvider time, ILogger<WebhookListener> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException exception)
            {
                WebhooksLog.ListenerLost(logger, exception);
                try
                {
                    await Task.Delay(ReconnectDelay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        connection.Notification += (_, _) => signal.Wake();
        await using (var listen = new NpgsqlCommand($"LISTEN {DeliveryStore.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        try
        {
            // What was written before this connection listened has sent its notification to nobody.
            signal.Wake();
            while (true)
            {
                await connection.WaitAsync(ct);
            }
        }
        finally
        {
            // The pool does not reset a connection it takes back (No Reset On Close, PersistenceExtensions): one that still
            // listened would hold up PostgreSQL's notification queue for every instance.
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                await using var unlisten = new NpgsqlCommand("UNLISTEN *", connection);
                await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }
}
