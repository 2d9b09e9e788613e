using Connector.Host.Configuration;
using Connector.Host.Persistence;
using Microsoft.Extensions.Options;

namespace Connector.Host.Audit;

/// <summary>
/// Deletes audit events older than <c>Connectors:Audit:RetentionDays</c> (365 by default), so the trail, which
/// failed sign-ins also write to, cannot grow without end.
/// </summary>
internal sealed class AuditRetention(AuditStore audit, IOptions<ConnectorsOptions> options, TimeProvider time, ILogger<AuditRetention> logger)
    : PeriodicMaintenance(TimeSpan.FromHours(1), time, logger)
{
    protected override string Name => "audit retention";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        var days = options.Value.Audit.RetentionDays;
        var deleted = await audit.DeleteOlderThanAsync(Time.GetUtcNow() - TimeSpan.FromDays(days), ct);
        if (deleted > 0)
        {
            AuditLog.Deleted(Logger, deleted, days);
        }
    }
}
