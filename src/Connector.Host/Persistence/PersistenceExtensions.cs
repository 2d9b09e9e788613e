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
        // First of all hosted services, whatever registers before it: Data Protection warms its key ring (a table
        // the migrations create) in a hosted service of its own, which the page kit's antiforgery brings in.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseStartup>());
        return services;
    }
}
