using System.Text.Json;
using Connector.Host.Events;
using Connector.Host.Persistence;
using Dapper;
using Npgsql;

namespace Connector.Host.Users;

/// <summary>
/// The one store of <c>users</c> and <c>user_identities</c>: read here (the admin API, sessions, the issuer's
/// claims), written by the sign-in (<c>UserStore.SignIn.cs</c>) and by the operator (<c>UserStore.Admin.cs</c>). Each
/// write hands its events (<see cref="DomainEvent"/>) to the sinks inside its own transaction.
/// </summary>
internal sealed partial class UserStore(
    NpgsqlDataSource dataSource, IEnumerable<IUserLifecycleListener> listeners, IEnumerable<IDomainEventSink> sinks,
    IEnumerable<IIdentityTokenSink> tokenSinks)
{
    private static readonly JsonSerializerOptions ProfileJson = new(JsonSerializerDefaults.Web);

    private const string UserColumns =
        "id AS Id, name AS Name, avatar AS Avatar, email AS Email, email_verified AS EmailVerified, phone AS Phone, " +
        "disabled AS Disabled, roles AS Roles, session_epoch AS SessionEpoch, created_at AS CreatedAt, updated_at AS UpdatedAt";

    // Newest first by id: ids are UUIDv7, so their order is the order users were created in, and a page starts
    // where the last one ended (keyset paging: the same cost for page 1 and page 10,000).
    private const string ListSql = $"""
        SELECT {UserColumns} FROM users
        WHERE (@After::uuid IS NULL OR id < @After)
        ORDER BY id DESC LIMIT @Limit
        """;

    // Each branch takes its own newest matches, at most a page: the planner reads a selective prefix from its index
    // and a broad one ("s") from the primary key, newest first, stopping as soon as the page is full. Then the
    // branches' few ids are merged. (One OR over all three would read every match of a broad prefix to sort it.)
    private const string SearchSql = $"""
        SELECT {UserColumns} FROM users
        WHERE id IN (
            (SELECT id FROM users WHERE lower(name) LIKE @Prefix ESCAPE '\' AND (@After::uuid IS NULL OR id < @After) ORDER BY id DESC LIMIT @Limit)
            UNION ALL
            (SELECT id FROM users WHERE lower(email) LIKE @Prefix ESCAPE '\' AND (@After::uuid IS NULL OR id < @After) ORDER BY id DESC LIMIT @Limit)
            UNION ALL
            (SELECT user_id FROM user_identities WHERE subject = @Search AND (@After::uuid IS NULL OR user_id < @After) ORDER BY user_id DESC LIMIT @Limit))
        ORDER BY id DESC LIMIT @Limit
        """;

    private const string GetSql = $"SELECT {UserColumns} FROM users WHERE id = @Id";

    // The same, for a batch: Npgsql's batch commands take positional parameters.
    private const string GetByIdSql = $"SELECT {UserColumns} FROM users WHERE id = $1";

    private const string IdentitiesSql = """
        SELECT id AS Id, user_id AS UserId, connector_id AS ConnectorId, subject AS Subject, profile::text AS Profile,
               raw_profile::text AS RawProfile, created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM user_identities
        WHERE user_id = ANY(@UserIds)
        ORDER BY created_at, id
        """;

    // The identity of the connector's current generation: an identity from an earlier provider behind the same id is
    // not this connector's any more (0013).
    private const string IdentityOfSql = $"""
        SELECT {UserColumns}, (SELECT i.id FROM user_identities i
                               WHERE i.user_id = users.id AND i.connector_id = @ConnectorId AND i.generation = @Generation) AS {IdentityIdColumn}
        FROM users WHERE id = @Id
        """;

    /// <summary>
    /// The user, and the id of their identity from <paramref name="connectorId"/> at <paramref name="generation"/> (null
    /// when they have none); null when there is no such user.
    /// </summary>
    public async Task<(UserRow User, long? IdentityId)?> FindIdentityAsync(Guid id, string connectorId, Guid generation, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(IdentityOfSql,
            new { Id = id, ConnectorId = connectorId, Generation = generation }, cancellationToken: ct));
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var identity = reader.GetOrdinal(IdentityIdColumn);
        return (reader.GetRowParser<UserRow>()(reader), reader.IsDBNull(identity) ? null : reader.GetInt64(identity));
    }

    /// <summary>A page of users, newest first, after the user <paramref name="after"/>; <paramref name="search"/> is a name or email prefix, or a subject.</summary>
    public async Task<IReadOnlyList<UserAccount>> ListAsync(string? search, Guid? after, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var command = string.IsNullOrEmpty(search)
            ? new CommandDefinition(ListSql, new { After = after, Limit = limit }, cancellationToken: ct)
            : new CommandDefinition(SearchSql, new { Prefix = LikePrefix(search), Search = search, After = after, Limit = limit }, cancellationToken: ct);
        var users = (await connection.QueryAsync<UserRow>(command)).AsList();
        return await WithIdentitiesAsync(connection, users, ct);
    }

    /// <summary>The user alone, without identities: what a session or a token needs.</summary>
    public async Task<UserRow?> GetUserAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(GetSql, new { Id = id }, cancellationToken: ct));
    }

    /// <summary>
    /// The user alone, and in the same round trip the one boolean <paramref name="alongside"/> selects (a session's
    /// revocation, which every authorization checks beside the user): one statement less to wait for per request.
    /// </summary>
    public async Task<(UserRow? User, bool Alongside)> GetUserAsync(Guid id, NpgsqlBatchCommand alongside, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = Positional.Batch(connection, null, Positional.Command(GetByIdSql, Positional.Value(id)), alongside);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var user = await reader.ReadAsync(ct) ? reader.GetRowParser<UserRow>()(reader) : null;
        await reader.NextResultAsync(ct);
        return (user, await reader.ReadAsync(ct) && reader.GetBoolean(0));
    }

    /// <summary>A user's identities alone, for a caller that already holds the user (<c>/oidc/me</c> with <c>identities</c>).</summary>
    public async Task<IReadOnlyList<IdentityRow>> IdentitiesAsync(Guid userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<IdentityRow>(new CommandDefinition(IdentitiesSql, new { UserIds = new[] { userId } }, cancellationToken: ct))];
    }

    public async Task<UserAccount?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(GetSql, new { Id = id }, cancellationToken: ct));
        return user is null ? null : (await WithIdentitiesAsync(connection, [user], ct))[0];
    }

    private static async Task<IReadOnlyList<UserAccount>> WithIdentitiesAsync(
        NpgsqlConnection connection, List<UserRow> users, CancellationToken ct)
    {
        if (users.Count == 0)
        {
            return [];
        }

        var ids = users.Select(user => user.Id).ToArray();
        var identities = await connection.QueryAsync<IdentityRow>(new CommandDefinition(IdentitiesSql, new { UserIds = ids }, cancellationToken: ct));
        var byUser = identities.ToLookup(identity => identity.UserId);
        return [.. users.Select(user => new UserAccount(user, [.. byUser[user.Id]]))];
    }

    /// <summary>Writes the change's events through every sink, on the change's transaction: they commit or roll back with it.</summary>
    private async Task PublishAsync(IReadOnlyList<DomainEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        foreach (var sink in sinks)
        {
            await sink.WriteAsync(events, connection, transaction, ct);
        }
    }

    /// <summary>Whether any sink would write an event of one of <paramref name="types"/> now.</summary>
    private async Task<bool> AnySinkTakesAsync(IReadOnlyCollection<string> types, NpgsqlConnection connection, CancellationToken ct)
    {
        foreach (var sink in sinks)
        {
            if (await sink.TakesAnyAsync(types, connection, ct))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A LIKE pattern for "starts with", lower-cased, with LIKE's own wildcards taken literally.</summary>
    private static string LikePrefix(string search) =>
        search.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
