using System.Security.Cryptography;
using Connector.Host.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Connector.Host.Webhooks;

/// <summary>
/// Every instance's delivery loop: claims what is due (<see cref="DeliveryStore"/>), sends it, records the outcome, and
/// then waits for a wake-up (<see cref="WebhookSignal"/>, set by the database notification) or for the next due
/// attempt, at most <see cref="WebhookOptions.PollSeconds"/>. Instances share the work through the leases; none waits
/// on another.
/// </summary>
internal sealed class WebhookDispatcher(
    DeliveryStore store,
    WebhookSender sender,
    WebhookSigningKeys keys,
    WebhookSignal signal,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>Deliveries claimed and sent together; each has its own lease, which starts at the claim.</summary>
    private const int BatchSize = 16;

    /// <summary>A delivery due but claimed by nobody means another instance is claiming it this instant: look again soon.</summary>
    private static readonly TimeSpan ContendedWait = TimeSpan.FromSeconds(1);

    private TimeSpan Poll => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivered = await DeliverDueAsync(stoppingToken);
                var wait = await UntilNextDueAsync(delivered, stoppingToken);
                var waiting = signal.WaitAsync(wait, time, stoppingToken);

                // Read once the timer is armed, so the time logged is never earlier than the real wake-up.
                var wakeAt = time.GetUtcNow() + wait;
                WebhooksLog.Idle(logger, wakeAt);

                await waiting;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException exception)
            {
                WebhooksLog.DispatchFailed(logger, exception);
                await WaitQuietlyAsync(Poll, stoppingToken);
            }
        }
    }

    /// <summary>Claims and sends batches until nothing is due; how many were claimed.</summary>
    private async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var now = Timestamps.Now(time);
            var claimed = await store.ClaimAsync(now, now + options.Value.Lease, BatchSize, ct);
            if (claimed.Count == 0)
            {
                return total;
            }

            total += claimed.Count;
            var targets = await store.TargetsAsync(claimed.Select(delivery => delivery.WebhookId), ct);
            var inFlight = claimed.Select(delivery => DeliverAsync(delivery, targets.GetValueOrDefault(delivery.WebhookId), ct)).ToList();
            try
            {
                await Task.WhenAll(inFlight);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Stopping: nothing is recorded for what was under way, exactly as if the instance had died.
                var abandoned = inFlight.Count(task => !task.IsCompletedSuccessfully);
                WebhooksLog.DeliveriesAbandoned(logger, abandoned);
                throw;
            }

            if (claimed.Count < BatchSize)
            {
                return total;
            }
        }
    }

    private async Task DeliverAsync(ClaimedDelivery delivery, WebhookRow? webhook, CancellationToken ct)
    {
        if (webhook is null || !webhook.Enabled || !webhook.Events.Contains(delivery.Event, StringComparer.Ordinal))
        {
            await store.FinishAsync(delivery, log: null, ct);
            WebhooksLog.DeliveryDropped(logger, delivery.Id, delivery.WebhookId, delivery.Event);
            return;
        }

        var attemptedAt = Timestamps.Now(time);
        var attempt = SigningKey(webhook) is { } key
            ? await sender.SendAsync(new Uri(webhook.Url), key, delivery, ct)
            : new DeliveryAttempt(false, null, 0, "signing_key_unavailable");
        // Each outcome is logged once it is recorded, so a log line always describes what the database holds.
        var max = options.Value.MaxAttempts;
        if (attempt.Succeeded)
        {
            await store.FinishAsync(delivery, Log(delivery, attemptedAt, DeliveryLogWrite.Delivered, attempt, next: null), ct);
            WebhooksLog.Delivered(logger, delivery.Id, delivery.Event, webhook.Id, delivery.Attempt, attempt.StatusCode ?? 0, attempt.DurationMs);
        }
        else if (delivery.Attempt >= max)
        {
            await store.FinishAsync(delivery, Log(delivery, attemptedAt, DeliveryLogWrite.Dead, attempt, next: null), ct);
            WebhooksLog.DeliveryDead(logger, delivery.Id, delivery.Event, webhook.Id, delivery.Attempt, attempt.StatusCode, attempt.Error);
        }
        else
        {
            var next = Timestamps.Now(time) + WebhookBackoff.After(delivery.Attempt, options.Value);
            await store.RescheduleAsync(delivery, Log(delivery, attemptedAt, DeliveryLogWrite.Failed, attempt, next), ct);
            WebhooksLog.AttemptFailed(logger, delivery.Id, delivery.Event, webhook.Id, delivery.Attempt, attempt.StatusCode, attempt.Error, next);
        }
    }

    /// <summary>The key in clear; null when the key ring no longer holds the key that protected it (the attempt fails, and is retried).</summary>
    private string? SigningKey(WebhookRow webhook)
    {
        try
        {
            return keys.Unprotect(webhook.Id, webhook.SigningKeyProtected);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private async Task<TimeSpan> UntilNextDueAsync(int claimed, CancellationToken ct)
    {
        if (await store.NextDueAsync(ct) is not { } next)
        {
            return Poll;
        }

        var wait = next - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return claimed > 0 ? TimeSpan.Zero : ContendedWait;
        }

        return wait < Poll ? wait : Poll;
    }

    private async Task WaitQuietlyAsync(TimeSpan wait, CancellationToken ct)
    {
        try
        {
            await Task.Delay(wait, time, ct);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static DeliveryLogWrite Log(ClaimedDelivery delivery, DateTimeOffset attemptedAt, string outcome, DeliveryAttempt attempt, DateTimeOffset? next) =>
        new(delivery.WebhookId, delivery.Id, delivery.Event, delivery.Attempt, attemptedAt, outcome, attempt.StatusCode,
            (int)Math.Min(attempt.DurationMs, int.MaxValue), attempt.Error, next);
}
