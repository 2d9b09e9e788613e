using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
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

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = dataSource.OpenConnection();
        return [.. connection.Query<string>(new CommandDefinition(SelectSql)).Select(XElement.Parse)];
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
