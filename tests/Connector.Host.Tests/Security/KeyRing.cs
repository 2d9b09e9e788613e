using System.Net;
using Connector.Host.Tests.Infrastructure;
using Dapper;

namespace Connector.Host.Tests.Security;

/// <summary>What the key-ring tests share: a secret put under the ring, and the ring as PostgreSQL holds it.</summary>
internal static class KeyRing
{
    /// <summary>A connector whose client secret the host encrypts with the ring's current key.</summary>
    public static async Task CreateConnectorAsync(HostFactory host, string id, string secret)
    {
        using var admin = host.CreateAdminClient();
        var response = await admin.PostAsync("/api/connectors", HttpJson.Body(LogtoConfigs.Connector(id, id, LogtoConfigs.GitHub(secret))),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>One XML document per key.</summary>
    public static async Task<List<string>> StoredKeysAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        return [.. await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys")];
    }
}
