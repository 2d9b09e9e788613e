using Npgsql;

namespace Connector.Host.Webhooks;

/// <summary>
/// Holds one connection that <c>LISTEN</c>s on <see cref="DeliveryStore.Channel"/> and wakes the dispatcher at each
/// notification, so a delivery starts the moment its change commits, on whichever instance is free, and makes this
/// instance forget its copy of the subscriptions when a webhook changed anywhere. When the connection is lost the
/// dispatcher's polling carries on alone, and every change reads the subscriptions, until it is back.
/// </summary>
internal sealed class WebhookListener(
    NpgsqlDataSource dataSource, WebhookSignal signal, WebhookSubscriptions subscriptions, TimeProvider time, ILogger<WebhookListener> logger) : BackgroundService
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
        connection.Notification += (_, notification) =>
        {
            if (notification.Payload == WebhookSubscriptions.ChangedPayload)
            {
                subscriptions.Forget();
                WebhooksLog.SubscriptionsChanged(logger);
            }
            else
            {
                signal.Wake();
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {DeliveryStore.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        try
        {
            // What was written before this connection listened has sent its notification to nobody.
            subscriptions.Hearing(true);
            WebhooksLog.Listening(logger);
            signal.Wake();
            while (true)
            {
                await connection.WaitAsync(ct);
            }
        }
        finally
        {
            subscriptions.Hearing(false);

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
