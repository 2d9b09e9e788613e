using Connector.Host.Security;

namespace Connector.Host.Persistence;

/// <summary>
/// Runs before the server accepts requests: applies pending migrations, then makes sure the shared
/// Data Protection key ring has a usable key. A failure stops the host.
/// </summary>
internal sealed class DatabaseStartup(MigrationRunner migrations, DataProtectionKeyBootstrap keys) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrations.ApplyAsync(cancellationToken);
        await keys.EnsureKeyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
