using System.Globalization;
using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Audit;

/// <summary>
/// <c>GET /api/audit</c> with filters: <c>action</c>, <c>actor</c>, <c>target</c> and <c>outcome</c> exactly, a UTC
/// time range <c>from</c> (included) to <c>to</c> (excluded), combined with "and"; newest first by time, paged with
/// <c>before</c> with the filters kept; each bad value is a field of a 400.
/// </summary>
public sealed class AuditFilterTests(SeededTrail trail) : IClassFixture<SeededTrail>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("action", "sign_in")]
    [InlineData("action", "User.Updated")]
    [InlineData("actor", SeededTrail.UserActor)]
    [InlineData("actor", SeededTrail.KeyActor)]
    [InlineData("target", "github")]
    [InlineData("target", "0190f3a4-0000-7000-8000-00000000000b")]
    [InlineData("outcome", "token_exchange_failed")]
    [InlineData("outcome", "provider_timeout")]
    public async Task EachExactFilter_KeepsTheEventsWithThatValue_NewestFirst(string filter, string value)
    {
        var expected = trail.Matching(e => ValueOf(e, filter) == value);

        var found = await IdsAsync($"/api/audit?limit=500&{filter}={Uri.EscapeDataString(value)}");

        Assert.NotEmpty(expected);
        Assert.True(expected.Count < trail.Events.Count, "the filter narrows");
        Assert.Equal(expected, found);
    }

    [Fact]
    public async Task AFilterValue_IsMatchedExactly_NotAsAPrefixOrIgnoringCase()
    {
        Assert.Empty(await IdsAsync("/api/audit?action=sign"));
        Assert.Empty(await IdsAsync("/api/audit?target=GitHub"));
        Assert.Equal(trail.Matching(e => e.Target == "github"), await IdsAsync("/api/audit?limit=500&target=%20github%20"));
    }

    [Fact]
    public async Task FromAndTo_KeepTheEventsFromIncludedToExcluded()
    {
        var from = trail.End.AddDays(-6);
        var to = trail.End.AddDays(-2);

        var found = await IdsAsync($"/api/audit?limit=500&from={Iso(from)}&to={Iso(to)}");

        Assert.Contains(trail.Events, e => e.At == from);
        Assert.Contains(trail.Events, e => e.At == to);
        Assert.Equal(trail.Matching(e => e.At >= from && e.At < to), found);
    }

    [Fact]
    public async Task From_Alone_AndTo_Alone_AreOpenOnTheOtherSide()
    {
        var middle = trail.End.AddDays(-5);

        var since = await IdsAsync($"/api/audit?limit=500&from={Iso(middle)}");
        var until = await IdsAsync($"/api/audit?limit=500&to={Iso(middle)}");

        Assert.Equal(trail.Matching(e => e.At >= middle), since);
        Assert.Equal(trail.Matching(e => e.At < middle), until);
    }

    [Fact]
    public async Task ADay_IsItsMidnightUtc_AndAnOffsetIsHonoured()
    {
        var day = trail.End.AddDays(-4).UtcDateTime.Date;
        var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var expected = trail.Matching(e => e.At >= day);

        Assert.Equal(expected, await IdsAsync($"/api/audit?limit=500&from={dayText}"));
        Assert.Equal(expected, await IdsAsync($"/api/audit?limit=500&from={dayText}T00:00"));
        // 22:00 the evening before in UTC+2 is that midnight UTC.
        var eveningBefore = day.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T22:00:00%2B02:00";
        Assert.Equal(expected, await IdsAsync($"/api/audit?limit=500&from={eveningBefore}"));
    }

    [Fact]
    public async Task Filters_Combine_WithAnd()
    {
        var from = trail.End.AddDays(-9);
        var to = trail.End.AddDays(-1);
        var expected = trail.Matching(e => e.Action == "sign_in" && e.Target == "acme" && e.Outcome == "provider_timeout" && e.At >= from && e.At < to);

        var found = await IdsAsync($"/api/audit?action=sign_in&target=acme&outcome=provider_timeout&from={Iso(from)}&to={Iso(to)}");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, found);
        Assert.Equal(trail.Matching(e => e.Action == "connector.updated" && e.Actor == SeededTrail.KeyActor),
            await IdsAsync($"/api/audit?limit=500&action=connector.updated&actor={Uri.EscapeDataString(SeededTrail.KeyActor)}"));
    }

    [Fact]
    public async Task TheList_GoesByTime_NotByTheOrderEventsWereAppended()
    {
        var found = await IdsAsync("/api/audit?limit=500");

        Assert.Equal(trail.NewestFirst.Select(e => e.Id), found);
        Assert.NotEqual(trail.Events.Select(e => e.Id).Reverse(), found);
    }

    [Fact]
    public async Task Before_PagesThroughAFilteredList_EveryMatchOnce_InOrder()
    {
        var expected = trail.Matching(e => e.Outcome == "success");
        var seen = new List<long>();
        var pages = new List<int>();
        for (string? before = null; ;)
        {
            var page = await IdsAsync("/api/audit?outcome=success&limit=4" + (before is null ? "" : "&before=" + before));
            pages.Add(page.Count);
            seen.AddRange(page);
            if (page.Count < 4)
            {
                break;
            }

            before = page[^1].ToString(CultureInfo.InvariantCulture);
        }

        Assert.Equal(expected, seen);
        Assert.True(pages.Count > 3, "several pages");
    }

    [Fact]
    public async Task Before_AnEventThatIsGone_IsTheEndOfTheList()
    {
        Assert.Empty(await IdsAsync("/api/audit?before=987654321"));
    }

    [Fact]
    public async Task BadFilterValues_Are400_WithACodeForEachField()
    {
        var long201 = new string('x', 201);

        using var response = await trail.Host.Admin.GetAsync(
            $"/api/audit?from=yesterday&to=2026-13-01&action={long201}&actor={long201}&target={long201}&outcome={long201}&limit=0&before=x", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["invalid_parameter"], problem.CodesFor("from"));
        Assert.Equal(["invalid_parameter"], problem.CodesFor("to"));
        foreach (var field in (string[])["action", "actor", "target", "outcome"])
        {
            Assert.Equal(["too_long"], problem.CodesFor(field));
        }
        Assert.Equal(["out_of_range"], problem.CodesFor("limit"));
        Assert.Equal(["out_of_range"], problem.CodesFor("before"));
    }

    [Theory]
    [InlineData("2026-03-02", "2026-03-01")]
    [InlineData("2026-03-01T10:00:00Z", "2026-03-01T10:00:00Z")]
    [InlineData("2026-03-01T12:00:00%2B02:00", "2026-03-01T10:00")]
    public async Task To_NotLaterThanFrom_Is400OutOfRange(string from, string to)
    {
        using var response = await trail.Host.Admin.GetAsync($"/api/audit?from={from}&to={to}", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["out_of_range"], problem.CodesFor("to"));
        Assert.Empty(problem.CodesFor("from"));
    }

    private static string ValueOf(SeededEvent e, string filter) => filter switch
    {
        "action" => e.Action,
        "actor" => e.Actor,
        "target" => e.Target,
        _ => e.Outcome,
    };

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task<List<long>> IdsAsync(string url)
    {
        using var response = await trail.Host.Admin.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).AsArray().Select(e => e!["id"]!.GetValue<long>())];
    }
}
