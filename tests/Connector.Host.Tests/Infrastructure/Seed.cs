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
