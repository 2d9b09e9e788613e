using Connector.Host.Tests.Infrastructure;
using Dapper;

namespace Connector.Host.Tests.Audit;

/// <summary>Audit events older than <c>Connectors:Audit:RetentionDays</c> are deleted by every instance, at start and hourly.</summary>
public sealed class AuditRetentionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EventsOlderThanTheRetention_AreDeletedAtStart_AndYoungerOnesKept()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var migrating = new HostFactory(database.ConnectionString))
        {
            migrating.CreateClient().Dispose();
        }

        await using (var connection = await database.OpenAsync())
        {
            // 12,000 old events: more than one delete batch.
            await connection.ExecuteAsync("""
                INSERT INTO audit_events (occurred_at, actor, action, target, outcome)
                SELECT now() - interval '40 days' - make_interval(mins => n), 'anonymous', 'sign_in', 'acme', 'invalid_state'
                FROM generate_series(1, 12000) AS n;
                INSERT INTO audit_events (occurred_at, actor, action, target, outcome)
                VALUES (now() - interval '29 days', 'admin-key:1', 'connector.created', 'kept', 'success');
                """);
        }

        await using var host = new HostFactory(database.ConnectionString, new Dictionary<string, string?> { ["Connectors:Audit:RetentionDays"] = "30" });
        host.CreateClient().Dispose();
        var done = await host.Logs.WaitForAsync(4401, Ct);

        Assert.Equal(["kept"], await database.QueryAsync<string>("SELECT target FROM audit_events WHERE action <> 'sign_in' OR target <> 'acme'"));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM audit_events WHERE occurred_at < now() - interval '30 days'"));
        Assert.Contains("Deleted 12000 audit events older than 30 days", done.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("36501")]
    public void Start_WithARetentionOutOfRange_FailsNamingTheSetting(string days)
    {
        using var host = new HostFactory(TestPostgres.ConnectionStringFor("never_opened"), new Dictionary<string, string?> { ["Connectors:Audit:RetentionDays"] = days });

        var error = Record.Exception(() => host.CreateClient());

        Assert.Contains("Connectors:Audit:RetentionDays must be between 1 and 36500", Messages.OfFailedStart(host, error), StringComparison.Ordinal);
    }
}
