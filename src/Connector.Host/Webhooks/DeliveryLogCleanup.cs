using Connector.Host.Persistence;
using Microsoft.Extensions.Options;

namespace Connector.Host.Webhooks;

/// <summary>Deletes delivery log entries older than <c>Connectors:Webhooks:DeliveryLogDays</c>, every hour.</summary>
internal sealed class DeliveryLogCleanup(DeliveryStore store, IOptions<WebhookOptions> options, TimeProvider time, ILogger<DeliveryLogCleanup> logger)
    : PeriodicMaintenance(TimeSpan.FromHours(1), time, logger)
{
    protected override string Name => "webhook delivery log cleanup";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        var days = options.Value.DeliveryLogDays;
        var deleted = await store.PruneLogAsync(Time.GetUtcNow() - TimeSpan.FromDays(days), ct);
        WebhooksLog.DeliveryLogPruned(Logger, deleted, days);
    }
}
