using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Startup;

/// <summary>Bad configuration stops the start with a message naming the key (docs/configuration.md).</summary>
public sealed class StartupOptionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string AnyDatabase = TestPostgres.ConnectionStringFor("never_opened");

    private static readonly Dictionary<string, string?> NoAdminKeys = new()
    {
        ["Connectors:AdminApiKeys:0"] = null,
        ["Connectors:AdminApiKeys:1"] = null,
    };

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Start_OutsideDevelopmentWithoutAdminKeys_FailsNamingTheSetting(string environment)
    {
        using var host = new HostFactory(AnyDatabase, NoAdminKeys, environment);

        var error = Record.Exception(() => host.CreateClient());

        Assert.Contains("Connectors:AdminApiKeys is empty", Messages.OfFailedStart(host, error), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_InProductionWithAnEmptyAdminKeyValue_FailsAsWithoutKeys()
    {
        using var host = new HostFactory(AnyDatabase, new Dictionary<string, string?>
        {
            ["Connectors:AdminApiKeys:0"] = "",
            ["Connectors:AdminApiKeys:1"] = null,
        });

        var error = Record.Exception(() => host.CreateClient());

        Assert.Contains("Connectors:AdminApiKeys is empty", Messages.OfFailedStart(host, error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InDevelopmentWithoutAdminKeys_StartsButRefusesEveryAdminCall()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new HostFactory(database.ConnectionString, NoAdminKeys, "Development");
        using var client = host.CreateClient();

        var response = await client.GetAsync("/api/connectors", Ct);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains(host.Logs.Records, record => record.EventId.Id == 2002);
    }

    [Theory]
    [InlineData("Connectors:Outbound:TimeoutSeconds", "0", "Connectors:Outbound:TimeoutSeconds must be between 1 and 300")]
    [InlineData("Connectors:Outbound:MaxResponseBytes", "10", "Connectors:Outbound:MaxResponseBytes must be between")]
    [InlineData("Connectors:PublicOrigin", "id.example.com", "Connectors:PublicOrigin must be an absolute http(s) origin")]
    [InlineData("Connectors:PublicOrigin", null, "Connectors:PublicOrigin must be an absolute http(s) origin")]
    [InlineData("Connectors:AdminApiKeys:0", "short", "Connectors:AdminApiKeys:0 must be at least 16 characters")]
    [InlineData("Connectors:AllowedReturnUrls:0", "/relative", "Connectors:AllowedReturnUrls:0 must be an absolute http(s) origin")]
    [InlineData("ConnectionStrings:Connectors", null, "ConnectionStrings:Connectors is missing")]
    [InlineData("ConnectionStrings:Connectors", "Hots=db;Usrname=x", "ConnectionStrings:Connectors is not a valid PostgreSQL connection string")]
    public void Start_WithABadSetting_FailsNamingIt(string key, string? value, string expected)
    {
        using var host = new HostFactory(AnyDatabase, new Dictionary<string, string?> { [key] = value });

        var error = Record.Exception(() => host.CreateClient());

        Assert.Contains(expected, Messages.OfFailedStart(host, error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithInsecureEndpointsAllowed_LogsAWarning()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new HostFactory(database.ConnectionString);

        host.CreateClient().Dispose();

        Assert.Contains(host.Logs.Records, record => record.EventId.Id == 2001 && record.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
    }
}
