using System.Data.Common;
using Connector.Host.Audit;
using Connector.Host.Events;
using Connector.Host.Persistence;
using Connector.OAuth2.Profiles;
using Dapper;
using Npgsql;

namespace Connector.Host.Users;

/// <summary>
/// A returning sign-in's statement (<c>UserStore.SignIn.cs</c> runs it): it finds the identity of (connector, generation,
/// subject) and writes only what changed, the identity's profile and, with <c>syncProfile</c>, the user's. Alone
/// (<see cref="ReturningAuditedSql"/>) it also appends the audit row and commits by itself; inside the sign-in's
/// transaction it is the first look, and again the look under the subject's lock (<see cref="LockSubjectSql"/>).
/// </summary>
internal sealed partial class UserStore
{
    /// <summary>What a returning sign-in may raise: with no sink taking either, it writes nothing but its own rows.</summary>
    private static readonly string[] ReturningEvents = [DomainEventTypes.UserUpdated, DomainEventTypes.PostSignIn];

    /// <summary>The column the returning sign-in's statement adds after the user's: whether it synced the user's profile.</summary>
    private const string SyncedColumn = "Synced";

    // The user comes back as it stands after the sign-in (synced or not), for the sign-in's events.
    //
    // A sign-in without a name keeps the one the user and the identity have: a provider may say it once (Sign in with
    // Apple posts the name on the first authorization only, docs/connectors.md), and its silence later is not a change.
    // For the same reason the raw profile keeps the first callback's posted user object when a later one has none.
    private const string ReturningCtes = $$"""
        found AS (
            SELECT id AS identity_id, user_id FROM user_identities
            WHERE connector_id = {{Param.ConnectorId}} AND generation = {{Param.Generation}} AND subject = {{Param.Subject}}
        ), kept AS (
            SELECT i.id,
                   CASE WHEN {{Param.Name}} IS NULL AND i.profile ->> 'name' IS NOT NULL
                        THEN {{Param.Profile}}::jsonb || jsonb_build_object('name', i.profile -> 'name') ELSE {{Param.Profile}}::jsonb END AS profile,
                   CASE WHEN jsonb_typeof({{Param.RawProfile}}::jsonb) = 'object' AND {{Param.RawProfile}}::jsonb -> '{{PostedUser.Member}}' IS NULL
                             AND i.raw_profile -> '{{PostedUser.Member}}' IS NOT NULL
                        THEN {{Param.RawProfile}}::jsonb || jsonb_build_object('{{PostedUser.Member}}', i.raw_profile -> '{{PostedUser.Member}}')
                        ELSE {{Param.RawProfile}}::jsonb END AS raw_profile
            FROM user_identities i JOIN found ON i.id = found.identity_id
        ), identity_changed AS (
            UPDATE user_identities i SET profile = kept.profile, raw_profile = kept.raw_profile, updated_at = {{Param.Now}}
            FROM kept JOIN found ON kept.id = found.identity_id JOIN users u ON u.id = found.user_id
            WHERE i.id = kept.id AND NOT u.disabled
              AND (i.profile IS DISTINCT FROM kept.profile OR i.raw_profile IS DISTINCT FROM kept.raw_profile)
            RETURNING i.id
        ), user_synced AS (
            UPDATE users u SET name = COALESCE({{Param.Name}}, u.name), avatar = {{Param.Avatar}}, email = {{Param.Email}}, email_verified = {{Param.EmailVerified}}, phone = {{Param.Phone}}, updated_at = {{Param.Now}}
            FROM found WHERE {{Param.Sync}} AND u.id = found.user_id AND NOT u.disabled
              AND (u.name, u.avatar, u.email, u.email_verified, u.phone) IS DISTINCT FROM (COALESCE({{Param.Name}}, u.name), {{Param.Avatar}}, {{Param.Email}}, {{Param.EmailVerified}}, {{Param.Phone}})
            RETURNING u.*
        )
        """;

    private const string ReturningSelect = $"""
        SELECT {UserColumns}, true AS {SyncedColumn}, found.identity_id AS {IdentityIdColumn} FROM user_synced CROSS JOIN found
        UNION ALL
        SELECT {UserColumns}, false AS {SyncedColumn}, found.identity_id AS {IdentityIdColumn} FROM users JOIN found ON users.id = found.user_id
        WHERE NOT EXISTS (SELECT 1 FROM user_synced)
        """;

    private const string ReturningSql = $"WITH {ReturningCtes}\n{ReturningSelect}";

    // A returning sign-in with nothing else to write (no tokens kept, no event anyone takes) in one round trip: the same
    // statement also appends its audit row, with the user it finds as the actor, and runs without a transaction block,
    // so it commits by itself (durably, as the sign-in's transaction would). A subject not found writes nothing, and
    // neither does a disabled user's sign-in.
    private const string ReturningAuditedSql = $"""
        WITH {ReturningCtes}, audited AS (
            {AuditStore.AppendHead}
            SELECT {Param.Now}, '{UserAudit.ActorPrefix}' || u.id::text, {Param.AuditAction}, {Param.ConnectorId}, {Param.AuditOutcome}, {Param.AuditDetails}::jsonb
            FROM found JOIN users u ON u.id = found.user_id
            WHERE NOT u.disabled
        )
        {ReturningSelect}
        """;

    // The first sign-ins of one subject wait on each other here (UserStore.SignIn.cs, UnderLockAsync).
    private const string LockSubjectSql = $"""
        SELECT pg_advisory_xact_lock(hashtextextended({Param.ConnectorId} || E'\n' || {Param.Generation}::text || E'\n' || {Param.Subject}, 0))
        """;

    /// <summary>
    /// The returning sign-in's statement with its audit row, committed by itself (<see cref="ReturningAuditedSql"/>):
    /// the user when the subject has signed in before, committed; null when it has not, and nothing was written.
    /// </summary>
    private static async Task<(UserRow User, bool Synced, long IdentityId)?> ReturningAuditedAsync(
        NpgsqlConnection connection, SignInParameters parameters, AuditEntry entry, CancellationToken ct)
    {
        await using var batch = Positional.Batch(connection, null, parameters.Command(ReturningAuditedSql,
            Positional.Value(entry.Action), Positional.Value(entry.Outcome), Positional.Value(entry.Details?.ToJsonString())));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    /// <summary>The user, whether the statement synced them, and the identity, when the subject has signed in before.</summary>
    private static async Task<(UserRow User, bool Synced, long IdentityId)?> ReturningAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SignInParameters parameters, CancellationToken ct)
    {
        await using var batch = Positional.Batch(connection, transaction, parameters.Command(ReturningSql));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static (UserRow User, bool Synced, long IdentityId) Read(DbDataReader reader) =>
        (reader.GetRowParser<UserRow>()(reader), reader.GetBoolean(reader.GetOrdinal(SyncedColumn)), reader.GetInt64(reader.GetOrdinal(IdentityIdColumn)));
}
