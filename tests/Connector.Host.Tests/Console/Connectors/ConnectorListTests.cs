using System.Globalization;
using System.Net;

namespace Connector.Host.Tests.Console.Connectors;

/// <summary><c>/console/connectors</c>: each connector with its status, its last sign-in and its last 24 hours, from real sign-ins.</summary>
public sealed class ConnectorListTests : IAsyncLifetime
{
    private ConnectorsConsoleWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await ConnectorsConsoleWorld.StartAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task List_ShowsEachConnector_WithItsStatus_LastSignInEver_AndTheSuccessRateOfTheLast24Hours()
    {
        await _world.Host.CreateConnectorAsync("acme", "Acme");
        await _world.Host.CreateConnectorAsync("beta", "Beta", enabled: false);
        _world.Upstream.SignsIn("""{"sub":"ada"}""");
        await SignInAsync(HttpStatusCode.Redirect); // a day and more ago: in "last sign-in", not in the rate
        _world.Host.Clock.Advance(TimeSpan.FromHours(25));
        var lastSuccess = _world.Host.Clock.GetUtcNow();
        await SignInAsync(HttpStatusCode.Redirect);
        _world.Host.Clock.Advance(TimeSpan.FromMinutes(3));
        _world.Upstream.OnTokenJson("""{"error":"invalid_grant"}""", 400);
        await SignInAsync(HttpStatusCode.BadGateway);

        // The first session is more than 12 hours old on this clock: the operator signs in again.
        var again = await ConsoleVisitor.SignedInAsync(_world.Host.Factory);
        using var browser = again.Browser;
        var page = await again.GetAsync("/console/connectors");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.NoStore);
        var acme = Row(page, "acme");
        Assert.Equal("/console/connectors/acme", acme.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Acme", acme.QuerySelector(".connector-name a")!.TextContent.Trim());
        Assert.Equal("A", acme.QuerySelector(".logo-chip .initial")!.TextContent.Trim()); // no logo: the name's first letter
        Assert.Equal("Enabled", acme.QuerySelector(".badge.ok")!.TextContent.Trim());
        Assert.Equal(lastSuccess.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC", acme.QuerySelector("td.last time")!.TextContent.Trim());
        Assert.Equal("50% succeeded (1 of 2)", acme.QuerySelector("td.rate .value")!.TextContent.Trim());
        var beta = Row(page, "beta");
        Assert.Equal("Disabled", beta.QuerySelector(".badge.off")!.TextContent.Trim());
        Assert.Equal("Never", beta.QuerySelector("td.last .value")!.TextContent.Trim());
        Assert.Equal("None", beta.QuerySelector("td.rate .value")!.TextContent.Trim());
        Assert.Equal("Add social connector", page.Document.QuerySelector(".console-heading .actions a[href='/console/connectors/new']")!.TextContent.Trim());
    }

    [Fact]
    public async Task List_WithNoConnector_SaysSo_AndLeadsToAddSocialConnector()
    {
        var page = await _world.Operator.GetAsync("/console/connectors");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("table"));
        var empty = page.Document.QuerySelector(".panel.empty")!;
        Assert.Contains("no social connector yet", empty.TextContent, StringComparison.Ordinal);
        Assert.Equal("Add social connector", empty.QuerySelector("a[href='/console/connectors/new']")!.TextContent.Trim());
    }

    [Fact]
    public async Task AddSocialConnector_OffersOAuth2_AndEveryPresetWithItsLogo()
    {
        var page = await _world.Operator.GetAsync("/console/connectors/new");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Add social connector", page.Heading);
        var cards = page.Document.QuerySelectorAll(".logo-grid a").ToDictionary(card => card.GetAttribute("href")!, card => card);
        Assert.Contains("OAuth2", cards["/console/connectors/new/oauth2"].TextContent, StringComparison.Ordinal);
        foreach (var preset in Presets.PresetFiles.Ids)
        {
            var card = cards[$"/console/connectors/new/preset/{preset}"];
            Assert.Equal($"/assets/logos/{preset}.svg", card.QuerySelector("img")!.GetAttribute("src"));
            Assert.Equal($"/assets/logos/{preset}-dark.svg", card.QuerySelector("source")!.GetAttribute("srcset"));
        }

        Assert.Equal(Presets.PresetFiles.Ids.Count + 1, cards.Count);
    }

    private async Task SignInAsync(HttpStatusCode expected)
    {
        using var user = _world.Host.NewBrowser();
        using var response = await user.SignInAsync("acme");
        Assert.Equal(expected, response.StatusCode);
    }

    private static AngleSharp.Dom.IElement Row(ConsolePage page, string id) =>
        page.Document.QuerySelectorAll("table.data tbody tr").Single(row => row.QuerySelector("code")?.TextContent == id);
}
