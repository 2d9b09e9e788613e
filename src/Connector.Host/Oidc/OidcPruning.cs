using Npgsql;
using OpenIddict.Abstractions;

namespace Connector.Host.Oidc;

/// <summary>
/// Deletes tokens and authorizations that expired or were revoked more than a day ago, through OpenIddict's
/// own managers (their prune rules), hourly. Every instance may run it: pruning is idempotent.
/// </summary>
internal sealed partial class OidcPruning(IServiceScopeFactory scopes, TimeProvider time, ILogger<OidcPruning> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var threshold = time.GetUtcNow() - KeptFor;
                var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, stoppingToken);
                var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, stoppingToken);
                LogPruned(logger, tokens, authorizations);
            }
            catch (NpgsqlException exception)
            {
                LogFailed(logger, exception); // the database being away is /readyz's business; the next tick tries again
            }
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Pruned {Tokens} OIDC tokens and {Authorizations} authorizations")]
    private static partial void LogPruned(ILogger logger, long tokens, long authorizations);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Could not prune OIDC tokens")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
