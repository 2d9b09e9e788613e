using Connector.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Connector.Host.SignIn;

/// <summary>
/// The global bound on unfinished sign-ins (<c>Connectors:SignIn:MaxPendingStates</c>). Counting the table at every
/// start would cost a scan per sign-in, so the count is taken at most once a second (bounded by the ceiling itself)
/// and this instance's own starts since are added to it: one instance never passes the ceiling, N instances pass it
/// by at most what the others started within that second.
/// </summary>
internal sealed class PendingStateCeiling(SignInStateStore states, IOptions<ConnectorsOptions> options, TimeProvider time)
{
    private static readonly long RecountTicks = TimeSpan.FromSeconds(1).Ticks;

    private int _counting;
    private long _counted;
    private long _startedSince;
    private long _countedAtTicks;

    /// <summary>Reserves room for one more pending sign-in; false when the ceiling is reached.</summary>
    public async ValueTask<bool> TryReserveAsync(CancellationToken ct)
    {
        var max = options.Value.SignIn.MaxPendingStates;
        if (time.GetUtcNow().UtcTicks - Interlocked.Read(ref _countedAtTicks) >= RecountTicks)
        {
            await RecountAsync(max, ct);
        }

        if (Interlocked.Read(ref _counted) + Interlocked.Increment(ref _startedSince) <= max)
        {
            return true;
        }

        Interlocked.Decrement(ref _startedSince);
        return false;
    }

    /// <summary>One request counts; the others meanwhile go on with the count before (it is at most a second old).</summary>
    private async Task RecountAsync(int max, CancellationToken ct)
    {
        if (Interlocked.CompareExchange(ref _counting, 1, 0) != 0)
        {
            return;
        }

        try
        {
            var now = time.GetUtcNow().UtcTicks;
            var counted = await states.CountUnfinishedAsync(max, ct);
            Interlocked.Exchange(ref _startedSince, 0);
            Interlocked.Exchange(ref _counted, counted);
            Interlocked.Exchange(ref _countedAtTicks, now);
        }
        finally
        {
            Volatile.Write(ref _counting, 0);
        }
    }
}
