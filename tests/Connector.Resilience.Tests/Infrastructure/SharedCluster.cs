namespace Connector.Resilience.Tests.Infrastructure;

/// <summary>One PostgreSQL cluster of this project's own for the tests that do not stop it; each class makes its own database in it.</summary>
public sealed class SharedCluster : IAsyncLifetime
{
    private PostgresCluster? _cluster;

    public PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("Not initialized.");

    public async ValueTask InitializeAsync() => _cluster = await PostgresCluster.StartNewAsync();

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
