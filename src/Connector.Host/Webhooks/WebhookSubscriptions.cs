using Dapper;
using Npgsql;

namespace Connector.Host.Webhooks;

/// <summary>
/// The enabled webhooks and the events each takes, which every change's outbox write needs (<see cref="DeliveryStore"/>):
/// kept in memory while this instance hears the database's notifications, so that a sign-in does not read the table.
/// Every write of a webhook, through any instance, notifies <see cref="ChangedPayload"/> on <see cref="DeliveryStore.Channel"/>
/// and every instance forgets its copy (<see cref="WebhookListener"/>); the writing instance forgets it before it answers.
/// While the listener is not connected nothing is kept and every change reads the table. So a webhook created through
/// another instance takes the events committed here once its notification has arrived (milliseconds), not before.
/// </summary>
internal sealed class WebhookSubscriptions
{
    public const string ChangedPayload = "webhooks";

    private const string EnabledSql = "SELECT id AS Id, events AS Events FROM webhooks WHERE enabled";

    private long _version;
    private volatile bool _hearing;
    private volatile Copy? _copy;

    /// <summary>The enabled webhooks, from the copy or read on the change's own transaction (or on the connection, without one).</summary>
    public async Task<IReadOnlyList<Subscriber>> EnabledAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        var version = Interlocked.Read(ref _version);
        if (_copy is { } copy && copy.Version == version)
        {
            return copy.Webhooks;
        }

        var webhooks = (await connection.QueryAsync<Subscriber>(new CommandDefinition(EnabledSql, transaction: transaction, cancellationToken: ct))).AsList();
        // Kept only if nothing changed while it was read: a copy read before a change must not outlive its notification.
        if (_hearing && Interlocked.Read(ref _version) == version)
        {
            _copy = new Copy(webhooks, version);
        }

        return webhooks;
    }

    /// <summary>A webhook changed, here or (by notification) elsewhere.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _version);
        _copy = null;
    }

    /// <summary>Whether notifications reach this instance now; what changed while they did not is unknown, so forgotten.</summary>
    public void Hearing(bool hearing)
    {
        _hearing = hearing;
        Forget();
    }

    internal sealed record Subscriber
    {
        public Guid Id { get; init; }
        public string[] Events { get; init; } = [];
    }

    private sealed record Copy(IReadOnlyList<Subscriber> Webhooks, long Version);
}
