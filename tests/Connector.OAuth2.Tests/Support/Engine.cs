using System.Diagnostics.Metrics;
using Connector.OAuth2.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Connector.OAuth2.Tests.Support;

/// <summary>The engine as a host gets it: through DI, with its named HttpClient, a fake clock and captured logs.</summary>
internal sealed class Engine : IDisposable
{
    private readonly ServiceProvider _services;

    public Engine(Action<ConnectorOutboundOptions>? configure = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging();
        services.AddSingleton(time ?? Clock);
        // The fake providers listen on loopback over http: the address guard's own tests turn these back off.
        services.AddOAuth2Connector(options =>
        {
            options.AllowPrivateNetworks = true;
            options.RequireHttps = false;
            configure?.Invoke(options);
        });
        _services = services.BuildServiceProvider(validateScopes: true);
        Connector = _services.GetRequiredService<OAuth2Connector>();
    }

    /// <summary>Starts on a fixed instant so assertion times are exact.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    public OAuth2Connector Connector { get; }

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    /// <summary>This engine's meters only, so a test's measurements are its own.</summary>
    public IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    public void Dispose() => _services.Dispose();
}
