using Connector.Host.Persistence;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Connector.Host.Health;

/// <summary>Ready when the database answers and every migration this build carries is recorded as applied.</summary>
internal sealed class DatabaseReadyCheck(NpgsqlDataSource dataSource, MigrationScripts scripts) : IHealthCheck
{
    private const string AppliedSql = "SELECT version FROM schema_migrations";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var applied = (await connection.QueryAsync<int>(new CommandDefinition(AppliedSql, cancellationToken: cancellationToken))).ToHashSet();
            var pending = scripts.All.Count(script => !applied.Contains(script.Version));
            return pending == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Database unreachable", ex);
        }
    }
}
