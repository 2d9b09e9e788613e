using System.Globalization;
using AngleSharp.Dom;
using Connector.Host.Tests.Infrastructure;
using Dapper;

namespace Connector.Host.Tests.Console.Dashboard;

/// <summary>
/// The dashboard's charts over a known trail: successful sign-ins per UTC day and connector for the last 14 days
/// (today included) as stacked columns, failures by error code as bars, each an SVG image with a title and a
/// description, and the same numbers as a table; events before the 14 days, dry runs and other actions are left out.
/// </summary>
public sealed class SignInChartTests : IAsyncLifetime
{
    private readonly HostFixture _host = new();

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public async ValueTask InitializeAsync()
    {
        await _host.InitializeAsync();
        await AppendAsync(Today.AddDays(-2), "github", "success", 3);
        await AppendAsync(Today.AddDays(-2), "acme", "success", 1);
        await AppendAsync(Today.AddDays(-2), "acme", "token_exchange_failed", 2);
        await AppendAsync(Today.AddDays(-13), "github", "success", 2);
        await AppendAsync(Today, "acme", "provider_timeout", 1);
        await AppendAsync(Today, "acme", "success", 1);
        await AppendAsync(Today.AddDays(-14), "github", "success", 5); // the day before the 14
        await AppendAsync(Today.AddDays(-14), "github", "userinfo_failed", 4);
        await AppendAsync(Today, "github", "success", 7, "sign_in_test"); // dry runs are no sign-ins
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task TheSignInsChart_HasAColumnPerDay_StackedByConnector_WithHeightsInProportion()
    {
        var page = await DashboardAsync();
        var svg = page.Document.QuerySelector("svg.sign-ins")!;

        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("sign-ins-chart-title sign-ins-chart-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Equal($"Successful sign-ins per day and connector, {Day(Today.AddDays(-13))} to {Day(Today)} (UTC)", svg.QuerySelector("#sign-ins-chart-title")!.TextContent);
        Assert.Equal($"7 successful sign-in(s); the busiest day was {Day(Today.AddDays(-2))} with 4.", svg.QuerySelector("#sign-ins-chart-desc")!.TextContent);
        Assert.Equal(14, svg.QuerySelectorAll("text.day").Length);
        var bars = svg.QuerySelectorAll("rect.bar").Select(Bar).ToList();
        Assert.Equal(
            [("github", Day(Today.AddDays(-13)), 2), ("github", Day(Today.AddDays(-2)), 3), ("acme", Day(Today.AddDays(-2)), 1), ("acme", Day(Today), 1)],
            bars.Select(bar => (bar.Connector, bar.Day, bar.Count)));
        // github has the most sign-ins: the first colour, at the bottom of its column; the heights are 3 to 1 to 2.
        var github = svg.QuerySelector($"rect[data-connector=github][data-day='{Day(Today.AddDays(-2))}']")!;
        var acme = svg.QuerySelector($"rect[data-connector=acme][data-day='{Day(Today.AddDays(-2))}']")!;
        Assert.Contains("series-1", github.ClassList);
        Assert.Contains("series-2", acme.ClassList);
        Assert.Equal(3 * bars[2].Height, bars[1].Height, 0.2);
        Assert.Equal(2 * bars[2].Height, bars[0].Height, 0.2);
        Assert.Equal(bars[1].Y, bars[2].Y + bars[2].Height, 0.2);
        Assert.Equal("github on " + Day(Today.AddDays(-2)) + ": 3 sign-in(s)", github.QuerySelector("title")!.TextContent);
    }

    [Fact]
    public async Task TheSignInsTable_HasTheSameNumbers_AndTheLegendNamesEachConnector()
    {
        var page = await DashboardAsync();

        var table = page.Document.QuerySelector("table.sign-ins-table")!;
        Assert.Equal(["Day (UTC)", "github", "acme", "Total"], table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        var rows = table.QuerySelectorAll("tbody tr").Select(row => row.Children.Select(cell => cell.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(14, rows.Count);
        Assert.Equal([Day(Today.AddDays(-13)), "2", "0", "2"], rows[0]);
        Assert.Equal([Day(Today.AddDays(-2)), "3", "1", "4"], rows[11]);
        Assert.Equal([Day(Today), "0", "1", "1"], rows[13]);
        Assert.Equal(["github 5", "acme 2"], page.Document.QuerySelectorAll("ul.legend li").Select(li => string.Join(' ', li.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
    }

    [Fact]
    public async Task TheFailuresChart_HasABarPerCode_MostFrequentFirst_AndTheTableLeadsToTheAudit()
    {
        var page = await DashboardAsync();
        var svg = page.Document.QuerySelector("svg.failures")!;

        Assert.Equal($"3 failed sign-in(s); the most frequent error code was token_exchange_failed with 2.", svg.QuerySelector("#failures-chart-desc")!.TextContent);
        var bars = svg.QuerySelectorAll("rect.failure").Select(bar => (Code: bar.GetAttribute("data-code"), Count: bar.GetAttribute("data-count"), Width: Number(bar, "width"))).ToList();
        Assert.Equal([("token_exchange_failed", "2"), ("provider_timeout", "1")], bars.Select(bar => (bar.Code, bar.Count)));
        Assert.Equal(2 * bars[1].Width, bars[0].Width, 0.2);
        Assert.Equal(["token_exchange_failed", "provider_timeout"], svg.QuerySelectorAll("text.code").Select(text => text.TextContent));
        var link = page.Document.QuerySelector("table.failures-table a")!.GetAttribute("href");
        Assert.Equal($"/console/audit?action=sign_in&from={Day(Today.AddDays(-13))}&outcome=token_exchange_failed", link);
    }

    [Fact]
    public async Task WithoutSignIns_TheChartsSaySo_InsteadOfDrawingNothing()
    {
        await using var empty = new HostFixture();
        await empty.InitializeAsync();
        var visitor = await ConsoleVisitor.SignedInAsync(empty.Factory);

        var page = await visitor.GetAsync("/console");

        Assert.Null(page.Document.QuerySelector("svg.chart"));
        Assert.Equal(
            ["No successful sign-in in the last 14 days.", "No failed sign-in in the last 14 days."],
            page.Document.QuerySelectorAll(".chart-panel .empty").Select(p => p.TextContent));
    }

    private async Task<ConsolePage> DashboardAsync()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(_host.Factory);
        var page = await visitor.GetAsync("/console");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        return page;
    }

    private async Task AppendAsync(DateOnly day, string connector, string outcome, int times, string action = "sign_in")
    {
        await using var connection = await _host.Database.OpenAsync();
        for (var i = 0; i < times; i++)
        {
            await connection.ExecuteAsync(
                "INSERT INTO audit_events (occurred_at, actor, action, target, outcome) VALUES (@At, 'anonymous', @Action, @Connector, @Outcome)",
                new { At = new DateTimeOffset(day.ToDateTime(new TimeOnly(0, 30 + i)), TimeSpan.Zero), Action = action, Connector = connector, Outcome = outcome });
        }
    }

    private static (string Connector, string Day, int Count, double Y, double Height) Bar(IElement rect) =>
        (rect.GetAttribute("data-connector")!, rect.GetAttribute("data-day")!, int.Parse(rect.GetAttribute("data-count")!, CultureInfo.InvariantCulture),
            Number(rect, "y"), Number(rect, "height"));

    private static double Number(IElement element, string attribute) => double.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
