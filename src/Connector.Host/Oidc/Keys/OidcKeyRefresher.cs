namespace Connector.Host.Oidc.Keys;

/// <summary>
/// Makes the first keys at start-up (after the migrations, under an advisory lock), loads them, then
/// re-reads them every <see cref="Interval"/> so a rotation done through any instance reaches all.
/// </summary>
internal sealed class OidcKeyRefresher(OidcKeyStore store, OidcKeyRing ring, TimeProvider time, ILogger<OidcKeyRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.EnsureKeysAsync(cancellationToken);
        await ring.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, time, stoppingToken);
            try
            {
                if (await ring.RefreshAsync(stoppingToken))
                {
                    OidcLog.KeysReloaded(logger);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                OidcLog.KeyRefreshFailed(logger, ex);
            }
        }
    }
}
