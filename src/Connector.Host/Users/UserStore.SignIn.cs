using System.Text.Json;
using Connector.Host.Audit;
using Connector.Host.Connectors;
using Connector.Host.Events;
using Connector.Host.Persistence;
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
/// commits by itself: one round trip (<see cref="ReturningAuditedSql"/>). A new user's sign-in with nothing more to
/// write is two: the locks with the look under them (<see cref="UnderLockAsync"/>), then the insert with its audit rows
/// and the COMMIT (<see cref="CreateAsync"/>).
/// </summary>
internal sealed partial class UserStore
{
    /// <summary>What a new user's sign-in raises: with no sink taking either, its insert also appends the audit rows and commits.</summary>
    private static readonly string[] FirstSignInEvents = [DomainEventTypes.UserCreated, DomainEventTypes.PostSignIn];

    /// <summary>The column that names the identity signed in through, for what keeps the sign-in's tokens.</summary>
    private const string IdentityIdColumn = "IdentityId";

    private const string LockEmailSql = $"SELECT pg_advisory_xact_lock(hashtextextended('email' || E'\\n' || lower({Param.Email}), 0))";

    // The oldest user with this email, verified, who has no identity from this connector yet.
    private const string LinkableUserSql = $"""
        SELECT {UserColumns} FROM users u
        WHERE lower(u.email) = lower({Param.Email}) AND u.email_verified
          AND NOT EXISTS (SELECT 1 FROM user_identities i WHERE i.user_id = u.id AND i.connector_id = {Param.ConnectorId} AND i.generation = {Param.Generation})
        ORDER BY u.id
        LIMIT 1
        """;

    // A linking sign-in through a syncProfile connector is a sign-in like any other: it brings its profile at once,
    // not at the next sign-in.
    private const string SyncLinkedUserSql = $"""
        UPDATE users SET name = COALESCE({Param.Name}, name), avatar = {Param.Avatar}, email = {Param.Email}, email_verified = {Param.EmailVerified}, phone = {Param.Phone}, updated_at = {Param.Now}
        WHERE id = {Param.UserId} AND (name, avatar, email, email_verified, phone) IS DISTINCT FROM (COALESCE({Param.Name}, name), {Param.Avatar}, {Param.Email}, {Param.EmailVerified}, {Param.Phone})
        RETURNING {UserColumns}
        """;

    // The new user and its identity in one statement (one round trip).
    private const string InsertUserAndIdentitySql = $"""
        WITH created AS (
            INSERT INTO users (id, name, avatar, email, email_verified, phone, created_at, updated_at)
            VALUES ({Param.UserId}, {Param.Name}, {Param.Avatar}, {Param.Email}, {Param.EmailVerified}, {Param.Phone}, {Param.Now}, {Param.Now})
            RETURNING *
        ), identity AS (
            INSERT INTO user_identities (user_id, connector_id, generation, subject, profile, raw_profile, created_at, updated_at)
            SELECT id, {Param.ConnectorId}, {Param.Generation}, {Param.Subject}, {Param.Profile}::jsonb, {Param.RawProfile}::jsonb, {Param.Now}, {Param.Now} FROM created
            RETURNING id AS identity_id
        )
        SELECT {UserColumns}, identity.identity_id AS {IdentityIdColumn} FROM created CROSS JOIN identity
        """;

    private const string InsertIdentitySql = $"""
        INSERT INTO user_identities (user_id, connector_id, generation, subject, profile, raw_profile, created_at, updated_at)
        VALUES ({Param.UserId}, {Param.ConnectorId}, {Param.Generation}, {Param.Subject}, {Param.Profile}::jsonb, {Param.RawProfile}::jsonb, {Param.Now}, {Param.Now})
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
        // A new user with nothing to write after it is committed with its insert.
        var createCommits = !keepsTokens && !await AnySinkTakesAsync(FirstSignInEvents, connection, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var known = alone ? null : await ReturningAsync(connection, transaction, parameters, ct);
        var outcome = known is { } returning
            ? Returning(returning.User, returning.Synced, returning.IdentityId)
            : await UnderLockAsync(connection, transaction, facts, parameters, createCommits ? audit : null, ct);
        if (outcome.Resolution is not SignInResolution.Resolved resolved)
        {
            await transaction.RollbackAsync(ct);
            return outcome.Resolution;
        }

        if (outcome.Committed)
        {
            return resolved;
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

    /// <summary>
    /// The subject's lock, with a vouched-for email that email's lock too, and under them (the next commands of the same
    /// round trip) the look again and the user to link: a sign-in of this subject, or of this email, that held them
    /// before us may have created the identity or the user. Found, it is a returning sign-in; not, a first one. Every
    /// sign-in takes the two locks in this order, so none can deadlock another.
    /// </summary>
    private static async Task<Outcome> UnderLockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ProviderSignInFacts facts, SignInParameters parameters,
        SignInAuditing? committedWith, CancellationToken ct)
    {
        var linking = facts.EmailVouched && facts.Settings.AccountLinking == AccountLinkingModes.VerifiedEmail;
        await using var batch = Positional.Batch(connection, transaction,
        [
            parameters.Command(LockSubjectSql),
            .. facts.EmailVouched ? [parameters.Command(LockEmailSql)] : Array.Empty<NpgsqlBatchCommand>(),
            parameters.Command(ReturningSql),
            .. linking ? [parameters.Command(LinkableUserSql)] : Array.Empty<NpgsqlBatchCommand>(),
        ]);
        (UserRow User, bool Synced, long IdentityId)? known;
        UserRow? linkable = null;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            await reader.NextResultAsync(ct); // past the subject's lock
            if (facts.EmailVouched)
            {
                await reader.NextResultAsync(ct); // past the email's
            }

            known = await reader.ReadAsync(ct) ? Read(reader) : null;
            if (linking && await reader.NextResultAsync(ct))
            {
                linkable = await ReadUserAsync(reader, ct);
            }
        }

        if (known is { } returning)
        {
            return Returning(returning.User, returning.Synced, returning.IdentityId);
        }

        if (linkable is not null)
        {
            return linkable.Disabled
                ? new(new SignInResolution.Refused(ErrorCodes.UserDisabled))
                : await LinkAsync(connection, transaction, parameters with { UserId = linkable.Id }, linkable, ct);
        }

        return facts.Settings.AllowSignUp
            ? await CreateAsync(connection, transaction, parameters, committedWith, ct)
            : new(new SignInResolution.Refused(ErrorCodes.SignUpDisabled));
    }

    /// <summary>
    /// The new user and its identity; with <paramref name="committedWith"/> (nothing else to write after them) the audit
    /// rows and the COMMIT follow in the same round trip.
    /// </summary>
    private static async Task<Outcome> CreateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SignInParameters parameters, SignInAuditing? committedWith, CancellationToken ct)
    {
        var resolved = new SignInResolution.Resolved(parameters.UserId, IsNew: true, Linked: false, Epoch: 0);
        await using var insert = committedWith is null
            ? Positional.Batch(connection, transaction, parameters.Command(InsertUserAndIdentitySql))
            : Positional.Batch(connection, transaction, parameters.Command(InsertUserAndIdentitySql), AuditStore.AppendCommand([.. committedWith.Of(resolved)]), new("COMMIT"));
        await using var created = await insert.ExecuteReaderAsync(ct);
        await created.ReadAsync(ct);
        var user = created.GetRowParser<UserRow>()(created);
        var identityId = created.GetInt64(created.GetOrdinal(IdentityIdColumn));
        while (await created.NextResultAsync(ct))
        {
            // Past the audit rows and the COMMIT, so that a failure of either is thrown here, not lost.
        }

        return new(resolved, user, IdentityId: identityId, Committed: committedWith is not null);
    }

    /// <summary>The identity added to <paramref name="existing"/>, and with <c>syncProfile</c> its profile brought, in one round trip.</summary>
    private static async Task<Outcome> LinkAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SignInParameters linked, UserRow existing, CancellationToken ct)
    {
        await using var batch = linked.Sync
            ? Positional.Batch(connection, transaction, linked.Command(InsertIdentitySql), linked.Command(SyncLinkedUserSql))
            : Positional.Batch(connection, transaction, linked.Command(InsertIdentitySql));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var identityId = reader.GetInt64(0);
        var synced = linked.Sync && await reader.NextResultAsync(ct) ? await ReadUserAsync(reader, ct) : null;
        return new(new SignInResolution.Resolved(existing.Id, IsNew: false, Linked: true, existing.SessionEpoch), synced ?? existing, synced is not null, identityId);
    }

    private static async Task<UserRow?> ReadUserAsync(NpgsqlDataReader reader, CancellationToken ct) =>
        await reader.ReadAsync(ct) ? reader.GetRowParser<UserRow>()(reader) : null;

    /// <summary>The statements' parameters; <see cref="UserId"/> is the new user's id, or the linked user's.</summary>
    private sealed record SignInParameters(
        string ConnectorId, Guid Generation, string Subject, string Profile, string RawProfile, bool Sync,
        string? Name, string? Avatar, string? Email, bool? EmailVerified, string? Phone, DateTimeOffset Now, Guid UserId)
    {
        /// <summary>The statement with these parameters at their places (<see cref="Param"/>), then <paramref name="more"/>.</summary>
        public NpgsqlBatchCommand Command(string sql, params ReadOnlySpan<NpgsqlParameter> more) => Positional.Command(sql,
        [
            Positional.Value(ConnectorId), Positional.Value(Generation), Positional.Value(Subject), Positional.Value(Profile),
            Positional.Value(RawProfile), Positional.Value(Sync), Positional.Value(Name), Positional.Value(Avatar),
            Positional.Value(Email), Positional.Value(EmailVerified), Positional.Value(Phone), Positional.Value(Now),
            Positional.Value(UserId), .. more,
        ]);
    }

    /// <summary>
    /// Where each parameter sits in the sign-in's statements: the order <see cref="SignInParameters.Command"/> binds
    /// them in, then the audit row's three, which only <see cref="ReturningAuditedSql"/> takes.
    /// </summary>
    private static class Param
    {
        public const string ConnectorId = "$1", Generation = "$2", Subject = "$3", Profile = "$4", RawProfile = "$5", Sync = "$6",
            Name = "$7", Avatar = "$8", Email = "$9", EmailVerified = "$10", Phone = "$11", Now = "$12", UserId = "$13",
            AuditAction = "$14", AuditOutcome = "$15", AuditDetails = "$16";
    }

    /// <summary>
    /// How the sign-in resolved, with the user as it stands after it (null when refused), whether its profile was synced,
    /// the identity signed in through, and whether its transaction is already committed, audit rows and all.
    /// </summary>
    private sealed record Outcome(SignInResolution Resolution, UserRow? User = null, bool Synced = false, long? IdentityId = null, bool Committed = false);

    /// <summary>The normalized profile as stored in <c>user_identities.profile</c>.</summary>
    private sealed record StoredProfile(string Id, string? Name, string? Avatar, string? Email, string? Phone, bool? EmailVerified)
    {
        public StoredProfile(UserProfile profile)
            : this(profile.Id, profile.Name, profile.Avatar, profile.Email, profile.Phone, profile.EmailVerified)
        {
        }
    }
}
