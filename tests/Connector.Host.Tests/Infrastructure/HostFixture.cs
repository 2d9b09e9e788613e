namespace Connector.Host.Tests.Infrastructure;

/// <summary>One database and one host per test class: classes never share rows.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private HostFactory? _factory;
    private HttpClient? _admin;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    public HostFactory Factory => _factory ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>A client that sends the primary admin key.</summary>
    public HttpClient Admin => _admin ?? throw new InvalidOperationException("Not initialized.");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = new HostFactory(_database.ConnectionString);
        _admin = _factory.CreateAdminClient();
    }

    public async ValueTask DisposeAsync()
    {
        _admin?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
