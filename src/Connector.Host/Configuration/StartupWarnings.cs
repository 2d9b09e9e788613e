using Microsoft.Extensions.Options;

namespace Connector.Host.Configuration;

/// <summary>Says at start what an operator must not miss in the configuration.</summary>
internal sealed class StartupWarnings(IOptions<ConnectorsOptions> options, ILogger<StartupWarnings> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AllowInsecureEndpoints)
        {
            StartupLog.InsecureEndpointsAllowed(logger);
        }

        if (options.Value.ConfiguredAdminKeys().Count == 0)
        {
            StartupLog.NoAdminKeys(logger);
        }

        if (string.IsNullOrWhiteSpace(options.Value.DataProtection.CertificatePath))
        {
            StartupLog.KeyRingUnencrypted(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
