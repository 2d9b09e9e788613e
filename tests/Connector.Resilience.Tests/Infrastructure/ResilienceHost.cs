using System.Net.Http.Headers;
using Connector.Testing.Hosting;
using Connector.Testing.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Connector.Resilience.Tests.Infrastructure;

/// <summary>The real host in memory (TestServer), configured through the keys an operator sets.</summary>
public sealed class ResilienceHost(string connectionString, IReadOnlyDictionary<string, string?>? overrides = null)
    : WebApplicationFactory<Program>
{
    public const string AdminKey = "resilience-admin-key-0123456789";

    // Every simulated browser here shares one client address; the limits have tests of their own.
    private static readonly Dictionary<string, string?> NoRateLimits = new()
    {
        ["Connectors:RateLimits:SignIn:PermitLimit"] = "0",
        ["Connectors:RateLimits:Callback:PermitLimit"] = "0",
        ["Connectors:RateLimits:Token:PermitLimit"] = "0",
        ["Connectors:RateLimits:Admin:PermitLimit"] = "0",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production")
            .UseSettings(HostSettings.For(connectionString, HostSettings.InMemoryOrigin, [AdminKey], NoRateLimits, overrides));

        // Thousands of sign-ins log at Information each; only what goes wrong is worth keeping here.
        builder.ConfigureLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning).AddProvider(Log));
    }

    /// <summary>The host's warnings and errors.</summary>
    public CapturedLogs Log { get; } = new(LogLevel.Warning);

    /// <summary>A browser on this instance.</summary>
    public Browser NewBrowser() => new(Server.CreateHandler());

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }
}
