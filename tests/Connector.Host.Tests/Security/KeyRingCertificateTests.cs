using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Connector.Host.Connectors;
using Connector.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Connector.Host.Tests.Security;

/// <summary>The Data Protection key ring encrypted at rest with a certificate (Connectors:DataProtection, docs/security.md).</summary>
public sealed class KeyRingCertificateTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _directory = Directory.CreateTempSubdirectory("key-ring-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task WithACertificate_NoKeyInTheDatabaseHoldsItsMasterKeyInTheClear_AndSecretsStillRoundTrip()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new HostFactory(database.ConnectionString, WithCertificate(NewCertificate("ring")));
        await KeyRing.CreateConnectorAsync(host, "encrypted-ring", "kept-under-the-ring");

        var keys = await KeyRing.StoredKeysAsync(database);
        var loaded = await host.Services.GetRequiredService<ConnectorConfigLoader>().LoadAsync("encrypted-ring", Ct);

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.Contains(nameof(Connector.Host.Security.KeyRingXmlDecryptor), xml, StringComparison.Ordinal);
        });
        Assert.Equal("kept-under-the-ring", loaded!.Config.ClientSecret);
    }

    [Fact]
    public async Task ARingEncryptedToOneCertificate_OpensWithThatCertificateOnly()
    {
        await using var database = await TestDatabase.CreateAsync();
        var right = NewCertificate("right");
        await using (var writer = new HostFactory(database.ConnectionString, WithCertificate(right)))
        {
            await KeyRing.CreateConnectorAsync(writer, "sealed", "opens-with-the-right-certificate");
        }

        await using var withRight = new HostFactory(database.ConnectionString, WithCertificate(right));
        await using var withOther = new HostFactory(database.ConnectionString, WithCertificate(NewCertificate("other")));
        await using var withNone = new HostFactory(database.ConnectionString);

        var opened = await withRight.Services.GetRequiredService<ConnectorConfigLoader>().LoadAsync("sealed", Ct);
        Assert.Equal("opens-with-the-right-certificate", opened!.Config.ClientSecret);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => withOther.Services.GetRequiredService<ConnectorConfigLoader>().LoadAsync("sealed", Ct));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => withNone.Services.GetRequiredService<ConnectorConfigLoader>().LoadAsync("sealed", Ct));
    }

    [Fact]
    public async Task KeysStoredBeforeTheCertificate_AreEncryptedAtTheNextStart_AndWhatTheyProtectedStaysReadable()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var plain = new HostFactory(database.ConnectionString))
        {
            await KeyRing.CreateConnectorAsync(plain, "from-before", "written-without-a-certificate");
        }

        Assert.Contains(await KeyRing.StoredKeysAsync(database), xml => xml.Contains("<masterKey", StringComparison.Ordinal));

        await using var host = new HostFactory(database.ConnectionString, WithCertificate(NewCertificate("later")));
        using var client = host.CreateClient(); // starts it: the bootstrap re-protects the ring
        var loaded = await host.Services.GetRequiredService<ConnectorConfigLoader>().LoadAsync("from-before", Ct);

        Assert.All(await KeyRing.StoredKeysAsync(database), xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
        Assert.Equal("written-without-a-certificate", loaded!.Config.ClientSecret);
        Assert.Contains(host.Logs.Records, record => record.EventId.Id == 3003);
    }

    [Fact]
    public void Start_InProductionWithoutACertificate_FailsNamingTheSetting_UnlessUnencryptedKeysAreAllowedOnPurpose()
    {
        using var refused = new HostFactory(TestPostgres.ConnectionStringFor("never_opened"),
            new Dictionary<string, string?> { ["Connectors:DataProtection:AllowUnencryptedKeys"] = null });

        var error = Record.Exception(() => refused.CreateClient());

        Assert.Contains("Connectors:DataProtection:CertificatePath is not set", Messages.OfFailedStart(refused, error), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithACertificatePathThatNamesNoFile_Fails()
    {
        using var refused = new HostFactory(TestPostgres.ConnectionStringFor("never_opened"),
            new Dictionary<string, string?> { ["Connectors:DataProtection:CertificatePath"] = Path.Combine(_directory, "missing.pfx") });

        var error = Record.Exception(() => refused.CreateClient());

        Assert.Contains("Connectors:DataProtection:CertificatePath names no file", Messages.OfFailedStart(refused, error), StringComparison.Ordinal);
    }

    /// <summary>A self-signed RSA certificate in a PKCS#12 file, as <c>scripts/run.sh</c> makes with openssl.</summary>
    private string NewCertificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_directory, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        return path;
    }

    private static Dictionary<string, string?> WithCertificate(string path) => new()
    {
        ["Connectors:DataProtection:CertificatePath"] = path,
        ["Connectors:DataProtection:CertificatePassword"] = "pfx-password",
    };
}
