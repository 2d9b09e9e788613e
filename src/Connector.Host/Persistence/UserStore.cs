using Dapper;
using Npgsql;

namespace Connector.Host.Persistence;

/// <summary>Reads users with their identities for the admin API.</summary>
internal sealed class UserStore(NpgsqlDataSource dataSource)
{
    private const string UserColumns =
        "id AS Id, name AS Name, avatar AS Avatar, email AS Email, email_verified AS EmailVerified, phone AS Phone, " +
        "created_at AS CreatedAt, updated_at AS UpdatedAt";

    private const string ListSql = $"SELECT {UserColumns} FROM users ORDER BY created_at DESC, id LIMIT @Limit";
    private const string GetSql = $"SELECT {UserColumns} FROM users WHERE id = @Id";

    private const string IdentitiesSql = """
        SELECT user_id AS UserId, connector_id AS ConnectorId, subject AS Subject, profile::text AS Profile,
               raw_profile::text AS RawProfile, created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM user_identities
        WHERE user_id = ANY(@UserIds)
        ORDER BY created_at, id
        """;

    public async Task<IReadOnlyList<UserAccount>> ListAsync(int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var users = (await connection.QueryAsync<UserRow>(new CommandDefinition(ListSql, new { Limit = limit }, cancellationToken: ct))).AsList();
        return await WithIdentitiesAsync(connection, users, ct);
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
        var ids = users.Select(user => user.Id).ToArray();
        var identities = await connection.QueryAsync<IdentityRow>(new CommandDefinition(IdentitiesSql, new { UserIds = ids }, cancellationToken: ct));
        var byUser = identities.ToLookup(identity => identity.UserId);
        return [.. users.Select(user => new UserAccount(user, [.. byUser[user.Id]]))];
    }
}
