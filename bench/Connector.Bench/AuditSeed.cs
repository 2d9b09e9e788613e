namespace Connector.Bench;

/// <summary>
/// The scale point's audit history: <c>count</c> events written straight into <c>audit_events</c> by one SQL statement,
/// spread over the last 30 days (inside the retention, so the host's chores keep them) in the mix a busy service
/// writes — mostly sign-ins of a few connectors, some failures, some admin changes.
/// </summary>
internal static class AuditSeed
{
    private const string SeedSql = """
        INSERT INTO audit_events (occurred_at, actor, action, target, outcome, details)
        SELECT now() - (i % 2592000) * interval '1 second',
               CASE WHEN i % 50 = 0 THEN 'admin-key:bench' ELSE 'user:seeded-' || (i % 100000) END,
               CASE WHEN i % 50 = 0 THEN 'connector.updated' ELSE 'sign_in' END,
               'seeded-' || (i % 4),
               CASE WHEN i % 20 = 0 THEN 'token_exchange_failed' WHEN i % 33 = 0 THEN 'provider_access_denied' ELSE 'success' END,
               '{"providerCalls":[{"endpoint":"token","status":200,"ms":12}]}'::jsonb
        FROM generate_series(1, @Count) AS i;
        """;

    public static Task<TimeSpan> SeedAsync(string database, int count) => DatabaseSeed.RunAsync(database, SeedSql, count, TimeSpan.FromMinutes(30), "audit_events");

    /// <summary>The audit pages an operator reads, by name: the newest, a filter on action and outcome, one on a target.</summary>
    public static (string Name, string Query)[] Queries =>
    [
        ("audit: newest page", "limit=50"),
        ("audit: failed sign-ins", "action=sign_in&outcome=token_exchange_failed&limit=50"),
        ("audit: one connector", "target=seeded-2&limit=50"),
    ];
}
