using System.Text.Json;
using Connector.Host.Audit;
using Connector.Host.Connectors;
using Connector.Host.Events;
using Connector.Host.Problems;
using Connector.OAuth2.Profiles;
using Dapper;
using Npgsql;

namespace Connector.Host.Users;

/// <summary>
/// The sign-in's write, in one transaction. A returning sign-in is one statement without a lock: it finds the identity
/// and writes only what changed (the identity's profile, and with <c>syncProfile</c> the user's), and the rows it
/// changes are locked by their updates. Only when no identity is found does a transaction-scoped advisory lock on
/// (connector, generation, subject) serialize the first sign-ins of one subject, which look again under it; a first
/// sign-in with a vouched-for email also locks that email, so two connectors' first sign-ins of one person either link
/// or create one user each, never two by a race. The audit events and the events (<see cref="SignInEvents"/>) follow
/// in the same transaction, so a refused or failed sign-in leaves neither. When a returning sign-in has nothing more to
/// write (the connector keeps no tokens and no sink takes its events), its statement also appends the audit row and
/// commits by itself: one round trip (<see cref="ReturningAuditedSql"/>).
/// </summary>
internal sealed partial class UserStore
{
    /// <summary>What a returning sign-in may raise: with no sink taking either, it writes nothing but its own rows.</summary>
    private static readonly string[] ReturningEvents = [DomainEventTypes.UserUpdated, DomainEventTypes.PostSignIn];

    /// <summary>The column the returning sign-in's statement adds after the user's: whether it synced the user's profile.</summary>
    private const string SyncedColumn = "Synced";

    /// <summary>The column that names the identity signed in through, for what keeps the sign-in's tokens.</summary>
    private const string IdentityIdColumn = "IdentityId";

    // The user comes back as it stands after the sign-in (synced or not), for the sign-in's events.
    //
    // A sign-in without a name keeps the one the user and the identity have: a provider may say it once (Sign in with
    // Apple posts the name on the first authorization only, docs/connectors.md), and its silence later is not a change.
    // For the same reason the raw profile keeps the first callback's posted user object when a later one has none.
    private const string ReturningCtes = $$"""
        found AS (
            SELECT id AS identity_id, user_id FROM user_identities
            WHERE connector_id = @ConnectorId AND generation = @Generation AND subject = @Subject
        ), kept AS (
            SELECT i.id,
                   CASE WHEN @Name IS NULL AND i.profile ->> 'name' IS NOT NULL
                        THEN @Profile::jsonb || jsonb_build_object('name', i.profile -> 'name') ELSE @Profile::jsonb END AS profile,
                   CASE WHEN jsonb_typeof(@RawProfile::jsonb) = 'object' AND @RawProfile::jsonb -> '{{PostedUser.Member}}' IS NULL
                             AND i.raw_profile -> '{{PostedUser.Member}}' IS NOT NULL
                        THEN @RawProfile::jsonb || jsonb_build_object('{{PostedUser.Member}}', i.raw_profile -> '{{PostedUser.Member}}')
                        ELSE @RawProfile::jsonb END AS raw_profile
            FROM user_identities i JOIN found ON i.id = found.identity_id
        ), identity_changed AS (
            UPDATE user_identities i SET profile = kept.profile, raw_profile = kept.raw_profile, updated_at = @Now
            FROM kept JOIN found ON kept.id = found.identity_id JOIN users u ON u.id = found.user_id
            WHERE i.id = kept.id AND NOT u.disabled
              AND (i.profile IS DISTINCT FROM kept.profile OR i.raw_profile IS DISTINCT FROM kept.raw_profile)
            RETURNING i.id
        ), user_synced AS (
            UPDATE users u SET name = COALESCE(@Name, u.name), avatar = @Avatar, email = @Email, email_verified = @EmailVerified, phone = @Phone, updated_at = @Now
            FROM found WHERE @Sync AND u.id = found.user_id AND NOT u.disabled
              AND (u.name, u.avatar, u.email, u.email_verified, u.phone) IS DISTINCT FROM (COALESCE(@Name, u.name), @Avatar, @Email, @EmailVerified, @Phone)
            RETURNING u.*
        )
        """;

    private const string ReturningSelect = $"""
        SELECT {UserColumns}, true AS {SyncedColumn}, found.identity_id AS {IdentityIdColumn} FROM user_synced CROSS JOIN found
        UNION ALL
        SELECT {UserColumns}, false AS {SyncedColumn}, found.identity_id AS {IdentityIdColumn} FROM users JOIN found ON users.id = found.user_id
        WHERE NOT EXISTS (SELECT 1 FROM user_synced);
        """;

    private const string ReturningSql = $"WITH {ReturningCtes}\n{ReturningSelect}";

    // A returning sign-in with nothing else to write (no tokens kept, no event anyone takes) in one round trip: the same
    // statement also appends its audit row, with the user it finds as the actor, and runs without a transaction block,
    // so it commits by itself (durably, as the sign-in's transaction would). A subject not found writes nothing, and
    // neither does a disabled user's sign-in.
    private const string ReturningAuditedSql = $"""
        WITH {ReturningCtes}, audited AS (
            {AuditStore.AppendHead}
            SELECT @Now, '{UserAudit.ActorPrefix}' || u.id::text, @AuditAction, @ConnectorId, @AuditOutcome, @AuditDetails::jsonb
            FROM found JOIN users u ON u.id = found.user_id
            WHERE NOT u.disabled
        )
        {ReturningSelect}
        """;

    // The lock, then the same look again: a sign-in of this subject that held it before us may have created the identity.
    private const string LockSubjectSql = $"""
        SELECT pg_advisory_xact_lock(hashtextextended(@ConnectorId || E'\n' || @Generation::text || E'\n' || @Subject, 0));
        {ReturningSql}
        """;

    private const string LockEmailSql = "SELECT pg_advisory_xact_lock(hashtextextended('email' || E'\\n' || lower(@Email), 0))";

    // The oldest user with this email, verified, who has no identity from this connector yet.
    private const string LinkableUserSql = $"""
        SELECT {UserColumns} FROM users u
        WHERE lower(u.email) = lower(@Email) AND u.email_verified
          AND NOT EXISTS (SELECT 1 FROM user_identities i WHERE i.user_id = u.id AND i.connector_id = @ConnectorId AND i.generation = @Generation)
        ORDER BY u.id
        LIMIT 1
        """;

    // A linking sign-in through a syncProfile connector is a sign-in like any other: it brings its profile at once,
    // not at the next sign-in.
    private const string SyncLinkedUserSql = $"""
        UPDATE users SET name = COALESCE(@Name, name), avatar = @Avatar, email = @Email, email_verified = @EmailVerified, phone = @Phone, updated_at = @Now
        WHERE id = @UserId AND (name, avatar, email, email_verified, phone) IS DISTINCT FROM (COALESCE(@Name, name), @Avatar, @Email, @EmailVerified, @Phone)
        RETURNING {UserColumns}
        """;

    // The new user and its identity in one statement (one round trip).
    private const string InsertUserAndIdentitySql = $"""
        WITH created AS (
            INSERT INTO users (id, name, avatar, email, email_verified, phone, created_at, updated_at)
            VALUES (@UserId, @Name, @Avatar, @Email, @EmailVerified, @Phone, @Now, @Now)
            RETURNING *
        ), identity AS (
            INSERT INTO user_identities (user_id, connector_id, generation, subject, profile, raw_profile, created_at, updated_at)
            SELECT id, @ConnectorId, @Generation, @Subject, @Profile::jsonb, @RawProfile::jsonb, @Now, @Now FROM created
            RETURNING id AS identity_id
        )
        SELECT {UserColumns}, identity.identity_id AS {IdentityIdColumn} FROM created CROSS JOIN identity
        """;

    private const string InsertIdentitySql = """
        INSERT INTO user_identities (user_id, connector_id, generation, subject, profile, raw_profile, created_at, updated_at)
        VALUES (@UserId, @ConnectorId, @Generation, @Subject, @Profile::jsonb, @RawProfile::jsonb, @Now, @Now)
        RETURNING id
        """;

    public async Task<SignInResolution> ResolveSignInAsync(ProviderSignInFacts facts, DateTimeOffset now, SignInAuditing audit, CancellationToken ct)
    {
        var profile = facts.Profile;
        var parameters = new SignInParameters(
            facts.ConnectorId,
            facts.Generation,
            profile.Id,
            JsonSerializer.Serialize(new StoredProfile(profile), ProfileJson),
            profile.Raw.GetRawText(),
            facts.Settings.SyncProfile,
            profile.Name,
            profile.Avatar,
            profile.Email,
            facts.EmailVerified,
            profile.Phone,
            now,
            Guid.CreateVersion7(now));

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var keepsTokens = facts.Settings.EnableTokenStorage && facts.Tokens is not null;
        var alone = !keepsTokens && !await AnySinkTakesAsync(ReturningEvents, connection, ct);
        if (alone && await ReturningAuditedAsync(connection, parameters, audit.Returning, ct) is { } committed)
        {
            return Returning(committed.User, committed.Synced, committed.IdentityId).Resolution;
        }

        // Not found by that statement (or it could not be used): the look without the lock is only worth it when not done.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var known = (alone ? null : await ReturningAsync(connection, transaction, parameters, locked: false, ct))
            ?? await ReturningAsync(connection, transaction, parameters, locked: true, ct);
        var outcome = known is { } returning
            ? Returning(returning.User, returning.Synced, returning.IdentityId)
            : await FirstSignInAsync(connection, transaction, facts, parameters, ct);
        if (outcome.Resolution is not SignInResolution.Resolved resolved)
        {
            await transaction.RollbackAsync(ct);
            return outcome.Resolution;
        }

        // The provider's tokens only where the connector keeps them: a connector without storage writes no row more.
        if (keepsTokens && facts.Tokens is { } tokens)
        {
            var signedIn = new IdentitySignedIn(outcome.IdentityId!.Value, facts.ConnectorId, facts.Generation, tokens, now);
            foreach (var sink in tokenSinks)
            {
                await sink.StoreAsync(signedIn, connection, transaction, ct);
            }
        }

        await PublishAsync(SignInEvents(resolved, outcome, facts.ConnectorId, now), connection, transaction, ct);
        await AuditStore.AppendAndCommitAsync(connection, transaction, [.. audit.Of(resolved)], ct);
        return resolved;
    }

    /// <summary>
    /// The returning sign-in's statement with its audit row, committed by itself (<see cref="ReturningAuditedSql"/>):
    /// the user when the subject has signed in before, committed; null when it has not, and nothing was written.
    /// </summary>
    private static async Task<(UserRow User, bool Synced, long IdentityId)?> ReturningAuditedAsync(
        NpgsqlConnection connection, SignInParameters parameters, AuditEntry entry, CancellationToken ct)
    {
        var audited = new DynamicParameters(parameters);
        audited.Add("AuditAction", entry.Action);
        audited.Add("AuditOutcome", entry.Outcome);
        audited.Add("AuditDetails", entry.Details?.ToJsonString());
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(ReturningAuditedSql, audited, cancellationToken: ct));
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    /// <summary>
    /// The user, whether the statement synced them, and the identity, when the subject has signed in before; first
    /// without the lock, then (<paramref name="locked"/>) under it.
    /// </summary>
    private static async Task<(UserRow User, bool Synced, long IdentityId)?> ReturningAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SignInParameters parameters, bool locked, CancellationToken ct)
    {
        await using var reader = await connection.ExecuteReaderAsync(
            new CommandDefinition(locked ? LockSubjectSql : ReturningSql, parameters, transaction, cancellationToken: ct));
        if (locked)
        {
            await reader.NextResultAsync(ct); // past the lock
        }

        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static (UserRow User, bool Synced, long IdentityId) Read(System.Data.Common.DbDataReader reader) =>
        (reader.GetRowParser<UserRow>()(reader), reader.GetBoolean(reader.GetOrdinal(SyncedColumn)), reader.GetInt64(reader.GetOrdinal(IdentityIdColumn)));

    /// <summary>
    /// A new user is <c>User.Created</c>, a link <c>Identity.Linked</c>, a profile sync that changed the user
    /// <c>User.Updated</c>; every sign-in is <c>PostSignIn</c>, last.
    /// </summary>
    private static List<DomainEvent> SignInEvents(SignInResolution.Resolved resolved, Outcome outcome, string connectorId, DateTimeOffset now)
    {
        var user = outcome.User!;
        var events = new List<DomainEvent>();
        if (resolved.IsNew)
        {
            events.Add(UserEvents.Of(DomainEventTypes.UserCreated, now, user, connectorId));
        }

        if (resolved.Linked)
        {
            events.Add(UserEvents.Of(DomainEventTypes.IdentityLinked, now, user, connectorId));
        }

        if (outcome.Synced)
        {
            events.Add(UserEvents.Of(DomainEventTypes.UserUpdated, now, user, connectorId));
        }

        events.Add(UserEvents.Of(DomainEventTypes.PostSignIn, now, user, connectorId));
        return events;
    }

    private static Outcome Returning(UserRow user, bool synced, long identityId) =>
        user.Disabled
            ? new(new SignInResolution.Refused(ErrorCodes.UserDisabled))
            : new(new SignInResolution.Resolved(user.Id, IsNew: false, Linked: false, user.SessionEpoch), user, synced, identityId);

    private static async Task<Outcome> FirstSignInAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ProviderSignInFacts facts, SignInParameters parameters, CancellationToken ct)
    {
        if (facts.EmailVouched)
        {
            await connection.ExecuteAsync(new CommandDefinition(LockEmailSql, parameters, transaction, cancellationToken: ct));
            if (facts.Settings.AccountLinking == AccountLinkingModes.VerifiedEmail
                && await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(LinkableUserSql, parameters, transaction, cancellationToken: ct)) is { } existing)
            {
                if (existing.Disabled)
                {
                    return new(new SignInResolution.Refused(ErrorCodes.UserDisabled));
                }

                var linkedIdentity = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertIdentitySql, parameters with { UserId = existing.Id }, transaction, cancellationToken: ct));
                var synced = parameters.Sync
                    ? await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(SyncLinkedUserSql, parameters with { UserId = existing.Id }, transaction, cancellationToken: ct))
                    : null;
                return new(new SignInResolution.Resolved(existing.Id, IsNew: false, Linked: true, existing.SessionEpoch), synced ?? existing, synced is not null, linkedIdentity);
            }
        }

        if (!facts.Settings.AllowSignUp)
        {
            return new(new SignInResolution.Refused(ErrorCodes.SignUpDisabled));
        }

        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(InsertUserAndIdentitySql, parameters, transaction, cancellationToken: ct));
        await reader.ReadAsync(ct);
        var created = reader.GetRowParser<UserRow>()(reader);
        var identityId = reader.GetInt64(reader.GetOrdinal(IdentityIdColumn));
        return new(new SignInResolution.Resolved(parameters.UserId, IsNew: true, Linked: false, Epoch: 0), created, IdentityId: identityId);
    }

    /// <summary>The statements' parameters; <see cref="UserId"/> is the new user's id, or the linked user's.</summary>
    private sealed record SignInParameters(
        string ConnectorId, Guid Generation, string Subject, string Profile, string RawProfile, bool Sync,
        string? Name, string? Avatar, string? Email, bool? EmailVerified, string? Phone, DateTimeOffset Now, Guid UserId);

    /// <summary>
    /// How the sign-in resolved, with the user as it stands after it (null when refused), whether its profile was synced,
    /// and the identity signed in through.
    /// </summary>
    private sealed record Outcome(SignInResolution Resolution, UserRow? User = null, bool Synced = false, long? IdentityId = null);

    /// <summary>The normalized profile as stored in <c>user_identities.profile</c>.</summary>
    private sealed record StoredProfile(string Id, string? Name, string? Avatar, string? Email, string? Phone, bool? EmailVerified)
    {
        public StoredProfile(UserProfile profile)
            : this(profile.Id, profile.Name, profile.Avatar, profile.Email, profile.Phone, profile.EmailVerified)
        {
        }
    }
}
