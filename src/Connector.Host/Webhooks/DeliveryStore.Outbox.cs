using Connector.Host.Events;
using Dapper;
using Npgsql;

namespace Connector.Host.Webhooks;

/// <summary>
/// The outbox's writing end: a change's events become one <c>webhook_outbox</c> row per subscribed, enabled webhook
/// (<see cref="WebhookSubscriptions"/>), on the change's own transaction, so they exist exactly when the change
/// committed. The <c>NOTIFY</c> goes out at commit too (PostgreSQL holds it until then), waking every instance's dispatcher.
/// </summary>
internal sealed partial class DeliveryStore : IDomainEventSink
{
    public const string Channel = "connectors_webhooks";

    private const string EnqueueSql = $"""
        INSERT INTO webhook_outbox (id, webhook_id, event, payload, created_at, attempts, next_attempt_at)
        SELECT id, webhook_id, event, payload, created_at, 0, created_at
        FROM unnest(@Ids, @WebhookIds, @Events, @Payloads, @CreatedAts) AS queued (id, webhook_id, event, payload, created_at);
        SELECT pg_notify('{Channel}', '');
        """;

    public async ValueTask<bool> TakesAnyAsync(IReadOnlyCollection<string> types, NpgsqlConnection connection, CancellationToken ct) =>
        (await subscriptions.EnabledAsync(connection, transaction: null, ct)).Any(webhook => webhook.Events.Any(types.Contains));

    public async Task WriteAsync(IReadOnlyList<DomainEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return;
        }

        var subscribers = await subscriptions.EnabledAsync(connection, transaction, ct);
        var queued = (
            from change in events
            from webhook in subscribers
            where webhook.Events.Contains(change.Type, StringComparer.Ordinal)
            let id = Guid.CreateVersion7(change.CreatedAt)
            select (Id: id, WebhookId: webhook.Id, change.Type, Payload: WebhookPayload.Serialize(id, webhook.Id, change), change.CreatedAt)).ToList();
        if (queued.Count == 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(EnqueueSql, new
        {
            Ids = queued.Select(row => row.Id).ToArray(),
            WebhookIds = queued.Select(row => row.WebhookId).ToArray(),
            Events = queued.Select(row => row.Type).ToArray(),
            Payloads = queued.Select(row => row.Payload).ToArray(),
            CreatedAts = queued.Select(row => row.CreatedAt).ToArray(),
        }, transaction, cancellationToken: ct));
    }
}
