using Connector.Host.Persistence;

namespace Connector.Host.Sessions;

/// <summary>Forgets revoked sessions whose cookies have expired by now: nobody can present them any more.</summary>
internal sealed class RevokedSessionCleanup(RevokedSessionStore store, TimeProvider time, ILogger<RevokedSessionCleanup> logger)
    : PeriodicMaintenance(TimeSpan.FromHours(1), time, logger)
{
    protected override string Name => "revoked-session cleanup";

    protected override async Task RunOnceAsync(CancellationToken ct) => await store.DeleteExpiredAsync(Time.GetUtcNow(), ct);
}
