namespace Connector.Host.Tests.Oidc;

/// <summary>
/// Test classes whose every test gets an OIDC world of its own with one traditional app in it: a test never sees
/// another's sign-ins, codes or tokens. A base class only because xunit builds per-test state from the test class.
/// </summary>
public abstract class OidcAppTests : IAsyncLifetime
{
    protected OidcWorld World { get; private set; } = null!;

    protected OidcApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        World = await OidcWorld.StartAsync();
        App = await World.CreateAppAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await World.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
