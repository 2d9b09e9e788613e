using System.Text.Json;
using Connector.Host.Audit;
using Connector.OAuth2.Profiles;
using Dapper;

namespace Connector.Host.Users;

/// <summary>
/// The sign-in's write: the user and identity of a completed sign-in in one transaction. A transaction-scoped
/// advisory lock on (connector, subject) serializes concurrent first sign-ins of one subject, so exactly one
/// user is created; later sign-ins update the identity's profile and return the same user.
/// </summary>
internal sealed partial class UserStore
{
    // One round trip: the lock, then the identity's user. The profile is rewritten only when it changed, so a
    // returning user whose provider profile is the same costs no identity write (jsonb compares by value).
    private const string LockAndUpdateSql = """
        SELECT pg_advisory_xact_lock(hashtextextended(@ConnectorId || E'\n' || @Subject, 0));
        WITH found AS (
            SELECT id, user_id FROM user_identities WHERE connector_id = @ConnectorId AND subject = @Subject
        ), changed AS (
            UPDATE user_identities i SET profile = @Profile::jsonb, raw_profile = @RawProfile::jsonb, updated_at = @Now
            FROM found WHERE i.id = found.id
              AND (i.profile IS DISTINCT FROM @Profile::jsonb OR i.raw_profile IS DISTINCT FROM @RawProfile::jsonb)
            RETURNING i.id
        )
        SELECT user_id FROM found;
        """;

    private const string InsertUserSql = """
        INSERT INTO users (id, name, avatar, email, email_verified, phone, created_at, updated_at)
        VALUES (@UserId, @Name, @Avatar, @Email, @EmailVerified, @Phone, @Now, @Now)
        """;

    private const string InsertIdentitySql = """
        INSERT INTO user_identities (user_id, connector_id, subject, profile, raw_profile, created_at, updated_at)
        VALUES (@UserId, @ConnectorId, @Subject, @Profile::jsonb, @RawProfile::jsonb, @Now, @Now)
        """;

    public async Task<SignedInUser> UpsertSignInAsync(string connectorId, UserProfile profile, DateTimeOffset now, Func<SignedInUser, AuditEntry> audit, CancellationToken ct)
    {
        var parameters = new
        {
            ConnectorId = connectorId,
            Subject = profile.Id,
            Profile = JsonSerializer.Serialize(new StoredProfile(profile), ProfileJson),
            RawProfile = profile.Raw.GetRawText(),
            Now = now,
        };

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        Guid? existing;
        await using (var results = await connection.QueryMultipleAsync(new CommandDefinition(LockAndUpdateSql, parameters, transaction, cancellationToken: ct)))
        {
            await results.ReadAsync(); // the lock
            existing = await results.ReadSingleOrDefaultAsync<Guid?>();
        }

        var user = existing is { } id ? new SignedInUser(id, IsNew: false) : new SignedInUser(Guid.CreateVersion7(now), IsNew: true);
        if (user.IsNew)
        {
            var created = new
            {
                UserId = user.Id,
                profile.Name,
                profile.Avatar,
                profile.Email,
                profile.EmailVerified,
                profile.Phone,
                Now = now,
            };
            await connection.ExecuteAsync(new CommandDefinition(InsertUserSql, created, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(InsertIdentitySql,
                new { UserId = user.Id, parameters.ConnectorId, parameters.Subject, parameters.Profile, parameters.RawProfile, Now = now },
                transaction, cancellationToken: ct));
        }

        await AuditStore.AppendAsync(connection, transaction, audit(user), ct);
        await transaction.CommitAsync(ct);
        return user;
    }

    /// <summary>The normalized profile as stored in <c>user_identities.profile</c>.</summary>
    private sealed record StoredProfile(string Id, string? Name, string? Avatar, string? Email, string? Phone, bool? EmailVerified)
    {
        public StoredProfile(UserProfile profile)
            : this(profile.Id, profile.Name, profile.Avatar, profile.Email, profile.Phone, profile.EmailVerified)
        {
        }
    }
}
