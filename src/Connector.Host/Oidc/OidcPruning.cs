using Connector.Host.Persistence;
using OpenIddict.Abstractions;

namespace Connector.Host.Oidc;

/// <summary>
/// Deletes tokens and authorizations that expired or were revoked more than a day ago, through OpenIddict's
/// own managers (their prune rules), hourly.
/// </summary>
internal sealed class OidcPruning(IServiceScopeFactory scopes, TimeProvider time, ILogger<OidcPruning> logger)
    : PeriodicMaintenance(TimeSpan.FromHours(1), time, logger)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    protected override string Name => "OIDC token pruning";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var threshold = Time.GetUtcNow() - KeptFor;
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, ct);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, ct);
        OidcLog.Pruned(Logger, tokens, authorizations);
    }
}
