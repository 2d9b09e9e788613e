using Connector.Host.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Connector.Host.Persistence;

internal static class PersistenceExtensions
{
    public static IServiceCollection AddConnectorsPersistence(this IServiceCollection services)
    {
        // One data source (and pool) per process; built lazily, after the options were validated at start.
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
            builder.UseLoggerFactory(provider.GetRequiredService<ILoggerFactory>());
            return builder.Build();
        });
        services.AddSingleton<MigrationScripts>();
        services.AddSingleton<MigrationRunner>();
        services.AddHostedService<DatabaseStartup>();
        return services;
    }
}
