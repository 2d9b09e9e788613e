using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Discovery;

/// <summary>The outbound limits (Connectors:Outbound) hold for discovery: a 1 s timeout and a 2 KiB body cap.</summary>
public sealed class DiscoveryLimitsTests : IAsyncLifetime
{
    private readonly FakeProvider _provider = new();
    private TestDatabase? _database;
    private HostFactory? _host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _host = new HostFactory(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["Connectors:Outbound:TimeoutSeconds"] = "1",
            ["Connectors:Outbound:MaxResponseBytes"] = "2048",
        });
    }

    [Fact]
    public async Task Discover_WhenTheProviderIsSlowerThanTheTimeout_Returns504ProviderTimeout()
    {
        var held = _provider.Holds("GET", OpenIdMetadata.WellKnown);

        var response = await DiscoverAsync();

        await response.AssertProblemAsync(HttpStatusCode.GatewayTimeout, "provider_timeout");
        Assert.True(held.NoneAnswered, "the provider had answered, so the limit did not end the wait");
    }

    [Fact]
    public async Task Discover_WhenTheAnswerExceedsTheSizeLimit_Returns502ProviderError()
    {
        var padding = new string('x', 4096);
        _provider.On("GET", OpenIdMetadata.WellKnown, FakeProvider.Json(OpenIdMetadata.For(_provider.Url).Replace("\"issuer\"", $"\"padding\": \"{padding}\", \"issuer\"", StringComparison.Ordinal)));

        var response = await DiscoverAsync();

        await response.AssertProblemAsync(HttpStatusCode.BadGateway, "provider_error");
    }

    public async ValueTask DisposeAsync()
    {
        _provider.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private async Task<HttpResponseMessage> DiscoverAsync()
    {
        using var client = _host!.CreateAdminClient();
        return await client.PostAsync("/api/connectors/discover", HttpJson.Body($$"""{ "issuer": "{{_provider.Url}}" }"""), Ct);
    }
}
