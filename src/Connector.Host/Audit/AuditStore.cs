using System.Data;
using Dapper;
using Npgsql;

namespace Connector.Host.Audit;

/// <summary>The audit trail: appended inside the transaction of the change it records, read newest first.</summary>
internal sealed class AuditStore(NpgsqlDataSource dataSource)
{
    private const string AppendSql = """
        INSERT INTO audit_events (occurred_at, actor, action, target, outcome, details)
        VALUES (@OccurredAt, @Actor, @Action, @Target, @Outcome, @Details::jsonb)
        """;

    private const string ListSql = """
        SELECT id AS Id, occurred_at AS OccurredAt, actor AS Actor, action AS Action, target AS Target,
               outcome AS Outcome, details::text AS Details
        FROM audit_events
        WHERE @Before IS NULL OR id < @Before
        ORDER BY id DESC
        LIMIT @Limit
        """;

    public static Task AppendAsync(IDbConnection connection, IDbTransaction transaction, AuditEntry entry, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(AppendSql, new
        {
            entry.OccurredAt,
            entry.Actor,
            entry.Action,
            entry.Target,
            entry.Outcome,
            Details = entry.Details?.ToJsonString(),
        }, transaction, cancellationToken: ct));

    /// <summary>Records an event that belongs to no other write (a failed sign-in, say).</summary>
    public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await AppendAsync(connection, transaction, entry, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Newest first; <paramref name="before"/> is the id of the last event of the previous page.</summary>
    public async Task<IReadOnlyList<AuditRow>> ListAsync(int limit, long? before, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(ListSql, new { Limit = limit, Before = before }, cancellationToken: ct));
        return rows.AsList();
    }
}
