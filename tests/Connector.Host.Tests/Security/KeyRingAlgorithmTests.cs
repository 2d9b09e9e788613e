using Connector.Host.Connectors;
using Connector.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace Connector.Host.Tests.Security;

/// <summary>
/// The key ring's algorithm (SecurityExtensions): new keys are for AES-256-GCM, and a ring made while the host used Data
/// Protection's default (AES-256-CBC with HMACSHA256) still opens what it protected.
/// </summary>
public sealed class KeyRingAlgorithmTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARingOfCbcKeys_StillOpensWhatItProtected_AndTheNextKeyIsForGcm()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var before = new HostFactory(database.ConnectionString,
            services: services => services.AddDataProtection().UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration())))
        {
            await KeyRing.CreateConnectorAsync(before, "from-cbc", "protected-with-cbc");
        }

        var cbc = Assert.Single(await KeyRing.StoredKeysAsync(database));
        Assert.Contains("<encryption algorithm=\"AES_256_CBC\"", cbc, StringComparison.Ordinal);

        await using var host = new HostFactory(database.ConnectionString);
        using var client = host.CreateClient(); // starts it
        var loaded = await host.Services.GetRequiredService<ConnectorConfigLoader>().LoadAsync("from-cbc", Ct);
        var next = host.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));

        Assert.Equal("protected-with-cbc", loaded!.Config.ClientSecret);
        var gcm = Assert.Single(await KeyRing.StoredKeysAsync(database), xml => xml.Contains(next.KeyId.ToString(), StringComparison.Ordinal));
        Assert.Contains("<encryption algorithm=\"AES_256_GCM\"", gcm, StringComparison.Ordinal);
    }
}
