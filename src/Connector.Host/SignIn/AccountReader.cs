using Dapper;
using Npgsql;

namespace Connector.Host.SignIn;

/// <summary>What the account page shows, in one query.</summary>
internal sealed class AccountReader(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        SELECT u.name AS Name, u.email AS Email, u.avatar AS Avatar, coalesce(c.name, @ConnectorId) AS ConnectorName
        FROM users u LEFT JOIN connectors c ON c.id = @ConnectorId
        WHERE u.id = @UserId
        """;

    public async Task<AccountView?> GetAsync(Guid userId, string connectorId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<AccountView>(new CommandDefinition(Sql, new { UserId = userId, ConnectorId = connectorId }, cancellationToken: ct));
    }
}
