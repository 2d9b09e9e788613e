using System.Net;
using System.Net.Http.Headers;
using Connector.Testing.Hosting;
using Connector.Testing.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connector.Host.Tests.Infrastructure;

/// <summary>The real host in memory, configured through the same keys an operator sets (a null value leaves a key out).</summary>
public sealed class HostFactory(
    string connectionString,
    IReadOnlyDictionary<string, string?>? overrides = null,
    string environment = "Production",
    Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const string PublicOrigin = HostSettings.InMemoryOrigin;

    public IReadOnlyDictionary<string, string?> Settings { get; } =
        HostSettings.For(connectionString, PublicOrigin, [AdminKeys.Primary, AdminKeys.Secondary], overrides);

    /// <summary>Everything the host logged, at every level.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>A browser on this instance; given another browser's cookies, that browser arriving here (behind a load balancer).</summary>
    public Browser NewBrowser(CookieContainer? cookies = null) => new(cookies, Server.CreateHandler());

    public HttpClient CreateAdminClient(string key = AdminKeys.Primary)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment).UseSettings(Settings);
        builder.ConfigureLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        if (services is not null)
        {
            // After the host's own registrations, so a test can swap one (a FakeTimeProvider, say).
            builder.ConfigureTestServices(services);
        }
    }
}
