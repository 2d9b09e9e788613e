using System.Data.Common;
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
            // Every statement of the sign-in path runs thousands of times a second: prepared once per connection instead of
            // parsed and planned each time, and a connection coming back to the pool is not reset (half a dozen statements
            // prepended to its next use, six uses per sign-in). Nothing here leaves session state behind to reset: SET LOCAL
            // and transaction-scoped locks only; the one session lock (DataProtectionKeyBootstrap) and the one LISTEN
            // (WebhookListener) undo themselves, and Npgsql still rolls back a transaction left open.
            // What the connection string says wins (docs/configuration.md).
            var given = Keywords(options.ConnectionString!); // validated at start (DatabaseOptionsValidator)
            if (!given.Contains("maxautoprepare"))
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            }

            if (!given.Contains("noresetonclose"))
            {
                builder.ConnectionStringBuilder.NoResetOnClose = true;
            }

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

    /// <summary>The keywords a connection string names, lower-cased without spaces (Npgsql takes "Max Auto Prepare" and "MaxAutoPrepare" alike).</summary>
    private static HashSet<string> Keywords(string connectionString) =>
        [.. new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(keyword => keyword.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())];
}
