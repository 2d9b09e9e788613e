using Dapper;

namespace Connector.Host.Tests.Security;

/// <summary>The Data Protection key ring as PostgreSQL holds it: one XML document per key.</summary>
internal static class StoredKeys
{
    public static async Task<List<string>> ReadAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        return [.. await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys")];
    }
}
