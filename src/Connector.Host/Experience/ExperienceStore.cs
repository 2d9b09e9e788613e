using System.Text.Json;
using Connector.Host.Audit;
using Connector.Host.Connectors;
using Dapper;
using Npgsql;

namespace Connector.Host.Experience;

/// <summary>The one row of <c>sign_in_experience</c>; changes are audited in their transaction.</summary>
internal sealed class ExperienceStore(NpgsqlDataSource dataSource)
{
    private const string GetSql = "SELECT settings::text FROM sign_in_experience WHERE id = 1";

    private const string SaveSql = """
        INSERT INTO sign_in_experience (id, settings, updated_at) VALUES (1, @Settings::jsonb, @Now)
        ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, revision = sign_in_experience.revision + 1, updated_at = excluded.updated_at
        """;

    // A new connector goes at the end of the buttons; a deleted one leaves the list. Both in the connector's transaction.
    private const string AppendSql = """
        INSERT INTO sign_in_experience (id, settings, updated_at) VALUES (1, jsonb_build_object('connectors', jsonb_build_array(@Id::text)), now())
        ON CONFLICT (id) DO UPDATE SET settings = jsonb_set(sign_in_experience.settings, '{connectors}',
            coalesce(sign_in_experience.settings -> 'connectors', '[]'::jsonb) || jsonb_build_array(@Id::text))
        WHERE NOT coalesce(sign_in_experience.settings -> 'connectors', '[]'::jsonb) ? @Id
        """;

    private const string RemoveSql = """
        UPDATE sign_in_experience SET settings = jsonb_set(settings, '{connectors}', coalesce(settings -> 'connectors', '[]'::jsonb) - @Id)
        WHERE id = 1
        """;

    public static readonly JsonSerializerOptions Json = ConnectorJson.Options;

    public async Task<SignInExperience> GetAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(GetSql, cancellationToken: ct));
        return json is null ? new SignInExperience() : JsonSerializer.Deserialize<SignInExperience>(json, Json) ?? new SignInExperience();
    }

    public async Task SaveAsync(SignInExperience experience, AuditEntry audit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SaveSql,
            new { Settings = JsonSerializer.Serialize(experience, Json), Now = audit.OccurredAt }, transaction, cancellationToken: ct));
        await AuditStore.AppendAndCommitAsync(connection, transaction, audit, ct);
    }

    public static Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string connectorId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(AppendSql, new { Id = connectorId }, transaction, cancellationToken: ct));

    public static Task RemoveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string connectorId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(RemoveSql, new { Id = connectorId }, transaction, cancellationToken: ct));
}
