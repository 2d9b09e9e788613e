using System.Net;
using System.Security.Cryptography;
using System.Text;
using Connector.Host.Connectors;
using Connector.Host.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Connector.Host.Tests.Security;

public sealed class SecretsAtRestTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_LeavesNoSecretBytesInAnyTable()
    {
        var secret = $"at-rest-{Guid.NewGuid():N}";

        await CreateAsync("at-rest", secret);

        await AssertNowhereAsync(secret);
    }

    [Fact]
    public async Task Patch_WithNewSecret_LeavesNoSecretBytesInAnyTable()
    {
        var secret = $"patched-{Guid.NewGuid():N}";
        await CreateAsync("patched-at-rest", LogtoConfigs.GitHubSecret);

        var response = await host.Admin.PatchAsync("/api/connectors/patched-at-rest",
            HttpJson.Body($$"""{ "config": { "clientSecret": "{{secret}}" } }"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNowhereAsync(secret);
    }

    [Fact]
    public async Task DataProtectionKeys_AreKeptInTheDatabase()
    {
        await CreateAsync("key-ring", LogtoConfigs.GitHubSecret);

        var keys = await KeyRing.StoredKeysAsync(host.Database);

        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("<key id=", xml, StringComparison.Ordinal));
        // One authenticated cipher, not AES-CBC with an HMAC beside it (SecurityExtensions).
        Assert.All(keys, xml => Assert.Contains("<encryption algorithm=\"AES_256_GCM\"", xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProtectedSecret_CopiedToAnotherConnector_DoesNotDecryptThere()
    {
        await CreateAsync("secret-source", "source-secret-value");
        await CreateAsync("secret-target", "target-secret-value");
        await using (var connection = await host.Database.OpenAsync())
        {
            await connection.ExecuteAsync("""
                UPDATE connectors SET client_secret_protected =
                    (SELECT client_secret_protected FROM connectors WHERE id = 'secret-source')
                WHERE id = 'secret-target'
                """);
        }

        var loader = host.Factory.Services.GetRequiredService<ConnectorConfigLoader>();

        await Assert.ThrowsAnyAsync<CryptographicException>(() => loader.LoadAsync("secret-target", Ct));
    }

    private async Task CreateAsync(string id, string secret)
    {
        var response = await host.Admin.PostAsync("/api/connectors", HttpJson.Body(LogtoConfigs.Connector(id, id, LogtoConfigs.GitHub(secret))), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Neither the text, its hex (bytea's text form) nor its base64 may appear in any row, nor in the logs.</summary>
    private async Task AssertNowhereAsync(string secret)
    {
        var dump = await DatabaseDump.AllRowsAsync(host.Database);
        var bytes = Encoding.UTF8.GetBytes(secret);

        Assert.Contains("Iv1.8a61f9b3a7aba766", dump, StringComparison.Ordinal); // the dump does hold the connector rows
        Assert.DoesNotContain(secret, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexStringLower(bytes), dump, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(bytes).TrimEnd('='), dump, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, host.Factory.Logs.AllText, StringComparison.Ordinal);
    }
}
