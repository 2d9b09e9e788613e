using Dapper;

namespace Connector.Host.Tests.Infrastructure;

/// <summary>Rows the admin API only reads (users sign in through a later flow), written straight to the test database.</summary>
public static class Seed
{
    private const string UserSql = """
        INSERT INTO users (id, name, avatar, email, email_verified, phone, created_at, updated_at)
        VALUES (@Id, @Name, NULL, @Email, true, NULL, now(), now())
        """;

    private const string IdentitySql = """
        INSERT INTO user_identities (user_id, connector_id, generation, subject, profile, raw_profile, created_at, updated_at)
        VALUES (@UserId, @ConnectorId, coalesce((SELECT generation FROM connectors WHERE id = @ConnectorId), gen_random_uuid()),
                @Subject, @Profile::jsonb, @RawProfile::jsonb, now(), now())
        """;

    private const string UserAtSql = """
        INSERT INTO users (id, name, avatar, email, email_verified, phone, created_at, updated_at)
        VALUES (@Id, @Name, NULL, @Email, true, NULL, @CreatedAt, @CreatedAt)
        """;

    private const string IdentityOfSql = """
        INSERT INTO user_identities (user_id, connector_id, generation, subject, profile, raw_profile, created_at, updated_at)
        VALUES (@UserId, @ConnectorId, gen_random_uuid(), @Subject, jsonb_build_object('id', @Subject), '{}', now(), now())
        """;

    /// <summary>
    /// A user created at <paramref name="createdAt"/>, with the UUIDv7 id a sign-in at that moment would get: users
    /// seeded a millisecond apart are in a known order, newest first, as the users list pages them.
    /// </summary>
    public static async Task<Guid> UserAsync(TestDatabase database, string? name, string? email, DateTimeOffset createdAt)
    {
        var id = Guid.CreateVersion7(createdAt);
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(UserAtSql, new { Id = id, Name = name, Email = email, CreatedAt = createdAt });
        return id;
    }

    /// <summary>An identity of <paramref name="subject"/> from <paramref name="connectorId"/> for an existing user.</summary>
    public static async Task IdentityAsync(TestDatabase database, Guid userId, string connectorId, string subject)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(IdentityOfSql, new { UserId = userId, ConnectorId = connectorId, Subject = subject });
    }

    public static async Task<Guid> UserWithIdentityAsync(TestDatabase database, string connectorId, string subject, string name)
    {
        var id = Guid.CreateVersion7();
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(UserSql, new { Id = id, Name = name, Email = $"{subject}@example.com" });
        await connection.ExecuteAsync(IdentitySql, new
        {
            UserId = id,
            ConnectorId = connectorId,
            Subject = subject,
            Profile = $$"""{"id":"{{subject}}","name":"{{name}}"}""",
            RawProfile = $$"""{"id":{{subject.Length}},"login":"{{subject}}","name":"{{name}}"}""",
        });
        return id;
    }
}
