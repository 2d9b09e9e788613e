using System.Text.Json;
using Dapper;
using Npgsql;

namespace Connector.Host.Users;

/// <summary>
/// The one store of <c>users</c> and <c>user_identities</c>: read here (the admin API, the account page, the
/// issuer's claims), written by the sign-in (<c>UserStore.SignIn.cs</c>).
/// </summary>
internal sealed partial class UserStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions ProfileJson = new(JsonSerializerDefaults.Web);

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

    /// <summary>The user alone, without identities: what a page or a token needs.</summary>
    public async Task<UserRow?> GetUserAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(GetSql, new { Id = id }, cancellationToken: ct));
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
