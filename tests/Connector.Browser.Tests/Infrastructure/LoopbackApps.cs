extern alias demo;

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Connector.Testing.Hosting;
using Connector.Testing.Network;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connector.Browser.Tests.Infrastructure;

/// <summary>
/// The real Connectors host on Kestrel at a loopback port (a browser cannot reach the in-memory TestServer),
/// configured through the keys an operator sets. The port is chosen first: the public origin names it.
/// </summary>
public sealed class LoopbackHost : WebApplicationFactory<Program>
{
    public const string AdminKey = "browser-test-admin-key-0123456789";

    private readonly string _connectionString;

    /// <param name="hostName">
    /// The loopback name of the public origin: <c>localhost</c> puts the host on another site than the providers on
    /// <c>127.0.0.1</c> (a site is a scheme and a registrable domain or IP address; the port does not count), so the
    /// browser treats their requests to each other as cross-site.
    /// </param>
    public LoopbackHost(string connectionString, string hostName = "127.0.0.1")
    {
        _connectionString = connectionString;
        var port = LoopbackPort.Free();
        Origin = $"http://{hostName}:{port}";
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
    }

    public string Origin { get; }

    /// <summary>Registers a connector through the admin API, over the real socket like an operator's curl.</summary>
    public async Task RegisterConnectorAsync(JsonObject body)
    {
        using var admin = new HttpClient { BaseAddress = new Uri(Origin) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync(new Uri("/api/connectors", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Registering the connector answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production").UseSettings(HostSettings.For(_connectionString, Origin, [AdminKey]));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}

/// <summary>samples/DemoProvider on Kestrel at a loopback port the system picks: any name signs in.</summary>
public sealed class LoopbackDemoProvider(string clientId, string clientSecret, string redirectUri) : WebApplicationFactory<demo::Program>
{
    public string Origin => Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

    public void Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Demo:ClientId", clientId);
        builder.UseSetting("Demo:ClientSecret", clientSecret);
        builder.UseSetting("Demo:RedirectUris:0", redirectUri);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
