using Npgsql;

namespace Connector.Host.Events;

/// <summary>
/// Where a feature's changes put their events, on the change's own connection and transaction, so an event is written
/// if and only if its change commits (a transactional outbox). Declared here, below every feature, so that a feature
/// raising events names no feature that consumes them; the webhooks implement it.
/// </summary>
internal interface IDomainEventSink
{
    Task WriteAsync(IReadOnlyList<DomainEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);

    /// <summary>
    /// Whether an event of one of <paramref name="types"/> would be written now: a change for which no sink takes any of
    /// its events may skip handing them over (a returning sign-in then commits in one round trip).
    /// </summary>
    ValueTask<bool> TakesAnyAsync(IReadOnlyCollection<string> types, NpgsqlConnection connection, CancellationToken ct);
}
