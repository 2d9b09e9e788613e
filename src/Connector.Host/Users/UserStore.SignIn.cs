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
    /// <summary>The column that names the identity signed in through, for what keeps the sign-in's tokens.</summary>
    private const string IdentityIdColumn = "IdentityId";

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
