using System.Threading.Channels;

namespace Connector.Host.Webhooks;

/// <summary>
/// Wakes this instance's dispatcher: set by the database notification that events were written (on any instance).
/// Wakes that arrive while the dispatcher is busy fold into one, so it never spins.
/// </summary>
internal sealed class WebhookSignal
{
    private readonly Channel<bool> _wakes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wakes.Writer.TryWrite(true);

    /// <summary>Returns when woken or when <paramref name="wait"/> has passed on <paramref name="time"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan wait, TimeProvider time, CancellationToken ct)
    {
        if (wait <= TimeSpan.Zero)
        {
            _wakes.Reader.TryRead(out _);
            return;
        }

        using var timeout = new CancellationTokenSource(wait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await _wakes.Reader.WaitToReadAsync(linked.Token);
            _wakes.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The wait ran out: time to poll.
        }
    }
}
