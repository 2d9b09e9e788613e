using System.Globalization;
using System.Net;
using Connector.Host.Tests.Audit;
using Connector.Host.Tests.Infrastructure;
using Dapper;

namespace Connector.Host.Tests.Console.Audit;

/// <summary>
/// <c>/console/audit</c> over a known trail: each filter (action, actor, target, outcome, a UTC time range) narrows
/// the rows to exactly the events the filter names, newest first; a value in a row narrows by it; bad times are
/// shown beside their fields; the pages go through a long trail once.
/// </summary>
public sealed class AuditConsoleTests(SeededTrail trail) : IClassFixture<SeededTrail>
{
    private static string PrimaryActor => AdminKeys.PrimaryActor;

    [Theory]
    [InlineData("action", "sign_in")]
    [InlineData("actor", SeededTrail.KeyActor)]
    [InlineData("target", "github")]
    [InlineData("outcome", "token_exchange_failed")]
    public async Task EachFilter_NarrowsTheRows_ToTheEventsWithThatValue_NewestFirst(string filter, string value)
    {
        var visitor = await ConsoleVisitor.SignedInAsync(trail.Host.Factory);
        var expected = trail.Matching(e => ValueOf(e, filter) == value);

        var page = await visitor.GetAsync($"/console/audit?{filter}={Uri.EscapeDataString(value)}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < trail.Events.Count);
        Assert.Equal(expected, RowIds(page));
        Assert.All(page.Document.QuerySelectorAll("table.audit tbody tr"), row => Assert.Contains(value, row.TextContent, StringComparison.Ordinal));
        var field = page.Document.GetElementById($"f-{filter}")!;
        Assert.Equal(value, field.LocalName == "select" ? field.QuerySelector("option[selected]")!.GetAttribute("value") : field.GetAttribute("value"));
        Assert.NotNull(page.Document.QuerySelector("a.button[href='/console/audit']"));
    }

    [Fact]
    public async Task FiltersCombine_WithAUtcTimeRange_FromIncludedToExcluded()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(trail.Host.Factory);
        var from = trail.End.AddDays(-8);
        var to = trail.End.AddDays(-2);

        var page = await visitor.GetAsync($"/console/audit?action=sign_in&outcome=success&from={Iso(from)}&to={Iso(to)}");

        var expected = trail.Matching(e => e.Action == "sign_in" && e.Outcome == "success" && e.At >= from && e.At < to);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, RowIds(page));
    }

    [Fact]
    public async Task AValueInARow_NarrowsTheListByIt_KeepingTheOtherFilters()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(trail.Host.Factory);
        var list = await visitor.GetAsync("/console/audit?action=sign_in");
        var link = list.Document.QuerySelector("table.audit tbody a.badge.bad")!.GetAttribute("href")!;

        var narrowed = await visitor.GetAsync(link);

        var outcome = narrowed.Document.QuerySelector("#f-outcome option[selected]")!.GetAttribute("value")!;
        Assert.NotEqual("success", outcome);
        Assert.Equal(trail.Matching(e => e.Action == "sign_in" && e.Outcome == outcome), RowIds(narrowed));
    }

    [Fact]
    public async Task TheFilterChoices_AreTheActionsAndOutcomesTheTrailHolds_AndEachRowShowsItsDetails()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(trail.Host.Factory);

        var page = await visitor.GetAsync($"/console/audit?to={Iso(trail.End)}");

        // The order is the database's collation's; what matters is that each value is there once, after "any".
        Assert.Equal(["", "User.Updated", "connector.updated", "console.signed_in", "sign_in"], Options(page, "action").Order(StringComparer.Ordinal));
        Assert.Equal(["", "provider_timeout", "success", "token_exchange_failed"], Options(page, "outcome").Order(StringComparer.Ordinal));
        Assert.Equal("", Options(page, "action")[0]);
        Assert.Equal(trail.Matching(_ => true), RowIds(page));
        var newest = trail.NewestFirst[0];
        var row = page.Document.GetElementById($"event-{newest.Id}")!;
        Assert.Equal(newest.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), row.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains(newest.Outcome == "success" ? """{"changed": ["name"]}""" : """{"providerStatus": 502}""", row.QuerySelector("td.event-details")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOperatorsOwnSignIn_IsListedUnderTheirActor()
    {
        var visitor = await ConsoleVisitor.SignedInAsync(trail.Host.Factory);

        var page = await visitor.GetAsync($"/console/audit?actor={Uri.EscapeDataString(PrimaryActor)}&action=console.signed_in");

        Assert.NotEmpty(RowIds(page));
        Assert.DoesNotContain(RowIds(page), trail.Events.Select(e => e.Id).Contains);
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-04-12&to=2026-04-11", "to")]
    public async Task ABadTime_Is400_WithItsErrorBesideTheField_AndWhatWasTypedKept(string query, string field)
    {
        var visitor = await ConsoleVisitor.SignedInAsync(trail.Host.Factory);

        var page = await visitor.GetAsync($"/console/audit?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Single(page.ErrorsOf(field));
        Assert.NotNull(page.Document.QuerySelector(".error-summary"));
        Assert.Empty(RowIds(page));
        Assert.Equal(query.Split('&')[0].Split('=')[1], page.Document.GetElementById("f-from")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ThePages_GoThroughALongTrailOnce_NewestFirst_WithTheFiltersKept()
    {
        await using var host = new HostFixture();
        await host.InitializeAsync();
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-30), TimeSpan.Zero); // well inside the retention
        var ids = new List<long>();
        await using (var connection = await host.Database.OpenAsync())
        {
            for (var i = 0; i < 56; i++)
            {
                ids.Add(await connection.ExecuteScalarAsync<long>(
                    "INSERT INTO audit_events (occurred_at, actor, action, target, outcome) VALUES (@At, 'anonymous', 'sign_in', 'acme', @Outcome) RETURNING id",
                    new { At = start.AddMinutes(i % 2 == 0 ? i : 56 - i), Outcome = i % 8 == 0 ? "provider_error" : "success" }));
            }
        }

        var visitor = await ConsoleVisitor.SignedInAsync(host.Factory);

        var first = await visitor.GetAsync("/console/audit?target=acme");
        var next = first.Document.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var second = await visitor.GetAsync(next);

        Assert.Equal(50, RowIds(first).Count);
        Assert.Contains("target=acme", next, StringComparison.Ordinal);
        Assert.Null(second.Document.QuerySelector(".pager a[rel=next]"));
        Assert.Equal("/console/audit?target=acme", second.Document.QuerySelector(".pager a:not([rel])")!.GetAttribute("href"));
        var expected = ids.Select((id, i) => (id, At: start.AddMinutes(i % 2 == 0 ? i : 56 - i))).OrderByDescending(e => e.At).ThenByDescending(e => e.id).Select(e => e.id);
        Assert.Equal(expected, [.. RowIds(first), .. RowIds(second)]);
    }

    private static string ValueOf(SeededEvent e, string filter) => filter switch
    {
        "action" => e.Action,
        "actor" => e.Actor,
        "target" => e.Target,
        _ => e.Outcome,
    };

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static List<long> RowIds(ConsolePage page) =>
        [.. page.Document.QuerySelectorAll("table.audit tbody tr").Select(row => long.Parse(row.Id!["event-".Length..], CultureInfo.InvariantCulture))];

    private static List<string> Options(ConsolePage page, string field) =>
        [.. page.Document.QuerySelectorAll($"#f-{field} option").Select(option => option.GetAttribute("value")!)];
}
