using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Connector.Host.Configuration;

internal static class ConfigurationExtensions
{
    /// <summary>Binds and validates the host's options; a bad value stops the start with a message naming the key.</summary>
    public static IServiceCollection AddConnectorsOptions(this IServiceCollection services)
    {
        services.AddOptions<ConnectorsOptions>()
            .BindConfiguration(ConnectorsOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConnectorsOptions>, ConnectorsOptionsValidator>();

        services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<StartupWarnings>();
        return services;
    }
}
