using Connector.Host.Persistence;

namespace Connector.Host.SignIn;

/// <summary>
/// Deletes sign-in states an hour after they expired, so the table holds only flows that can still finish
/// (and recent ones, for diagnosing a replay).
/// </summary>
internal sealed class SignInStateCleanup(SignInStateStore states, TimeProvider time, ILogger<SignInStateCleanup> logger)
    : PeriodicMaintenance(TimeSpan.FromMinutes(5), time, logger)
{
    private static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromHours(1);

    protected override string Name => "sign-in state cleanup";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        var deleted = await states.DeleteExpiredAsync(Time.GetUtcNow() - KeptAfterExpiry, ct);
        SignInLog.StatesDeleted(Logger, deleted);
    }
}
