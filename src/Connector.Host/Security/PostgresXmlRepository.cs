using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Npgsql;

namespace Connector.Host.Security;

/// <summary>
/// Keeps the Data Protection key ring in <c>data_protection_keys</c>, so every host instance decrypts what
/// another encrypted. <see cref="IXmlRepository"/> is synchronous, hence the synchronous calls.
/// </summary>
internal sealed class PostgresXmlRepository(NpgsqlDataSource dataSource, TimeProvider time) : IXmlRepository
{
    private const string SelectSql = "SELECT xml FROM data_protection_keys ORDER BY created_at, friendly_name";

    private const string InsertSql = """
        INSERT INTO data_protection_keys (friendly_name, xml, created_at)
        VALUES (@FriendlyName, @Xml, @CreatedAt)
        ON CONFLICT (friendly_name) DO NOTHING
        """;

    /// <summary>Where Data Protection marks a secret it would have encrypted, had it an encryptor (a key's master key).</summary>
    private static readonly XName RequiresEncryption = XName.Get("requiresEncryption", "http://schemas.asp.net/2015/03/dataProtection");

    private static readonly XName EncryptedSecret = XName.Get("encryptedSecret", "http://schemas.asp.net/2015/03/dataProtection");

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = dataSource.OpenConnection();
        return [.. connection.Query<string>(new CommandDefinition(SelectSql)).Select(XElement.Parse)];
    }

    /// <summary>
    /// Encrypts, in place, the secrets of keys stored before the ring had an encryptor, in the very form the key
    /// manager writes (an <c>encryptedSecret</c> element naming its decryptor): the keys keep working, and what they
    /// protected (connector secrets, signing keys, cookies) stays readable, but a dump no longer opens them.
    /// </summary>
    /// <returns>How many keys were re-protected.</returns>
    public async Task<int> EncryptPlainKeysAsync(IXmlEncryptor encryptor, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var rows = await connection.QueryAsync<(string FriendlyName, string Xml)>(new CommandDefinition(
            "SELECT friendly_name, xml FROM data_protection_keys FOR UPDATE", transaction: transaction, cancellationToken: ct));
        var count = 0;
        foreach (var (friendlyName, xml) in rows)
        {
            var key = XElement.Parse(xml);
            var plain = key.Descendants().Where(element => (string?)element.Attribute(RequiresEncryption) == "true").ToList();
            if (plain.Count == 0)
            {
                continue;
            }

            foreach (var secret in plain)
            {
                var encrypted = encryptor.Encrypt(secret);
                secret.ReplaceWith(new XElement(EncryptedSecret, new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!), encrypted.EncryptedElement));
            }

            await connection.ExecuteAsync(new CommandDefinition("UPDATE data_protection_keys SET xml = @Xml WHERE friendly_name = @FriendlyName",
                new { Xml = key.ToString(SaveOptions.DisableFormatting), FriendlyName = friendlyName }, transaction, cancellationToken: ct));
            count++;
        }

        await transaction.CommitAsync(ct);
        return count;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = dataSource.OpenConnection();
        connection.Execute(new CommandDefinition(InsertSql, new
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = time.GetUtcNow(),
        }));
    }
}
