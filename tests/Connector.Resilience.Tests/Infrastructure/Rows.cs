namespace Connector.Resilience.Tests.Infrastructure;

public static class Rows
{
    /// <summary>A user with no identity, a user with two, or an identity with no user: any of these is a partial write.</summary>
    public static Task<long> PartialRowsAsync(this TestDatabase database) => database.CountAsync("""
        SELECT (SELECT count(*) FROM users u WHERE (SELECT count(*) FROM user_identities i WHERE i.user_id = u.id) <> 1)
             + (SELECT count(*) FROM user_identities i WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = i.user_id))
        """);
}
