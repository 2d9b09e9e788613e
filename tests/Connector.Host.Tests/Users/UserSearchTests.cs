using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Users;

/// <summary>
/// <c>GET /api/users?search=&amp;limit=&amp;after=</c>: newest first, keyset-paged with the next page's URL in a
/// <c>Link: &lt;…&gt;; rel="next"</c> header; <c>search</c> is a case-insensitive prefix of the name or the email, or an
/// identity's subject exactly. Every test reads one directory of users seeded straight into the database.
/// </summary>
public sealed class UserSearchTests(UserSearchTests.SeededUsers users) : IClassFixture<UserSearchTests.SeededUsers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ADA")]
    [InlineData("ada")]
    [InlineData(" Ada ")]
    public async Task Search_MatchesANamePrefixCaseInsensitively_NewestFirst(string search)
    {
        var found = await NamesAsync($"/api/users?search={Uri.EscapeDataString(search)}");

        // "Nada Ada" has "ada" inside its name, not at its start; Ada's email does not start with it.
        Assert.Equal(["adam Smith", "Ada Lovelace"], found);
    }

    [Theory]
    [InlineData("grace.hopper@navy")]
    [InlineData("GRACE.HOPPER@NAVY.EXAMPLE")]
    [InlineData("a.smith@")]
    public async Task Search_MatchesAnEmailPrefixCaseInsensitively(string search)
    {
        var found = await NamesAsync($"/api/users?search={Uri.EscapeDataString(search)}");

        Assert.Equal([search.StartsWith('a') ? "adam Smith" : "Grace Hopper"], found);
    }

    [Theory]
    [InlineData("ÉMILIE")]
    [InlineData("émilie du ch")]
    public async Task Search_FoldsTheCaseOfLettersBeyondAscii(string search)
    {
        Assert.Equal(["Émilie du Châtelet"], await NamesAsync($"/api/users?search={Uri.EscapeDataString(search)}"));
    }

    [Fact]
    public async Task Search_LongerThanAnyEmail_Is400TooLong()
    {
        using var response = await users.Host.Admin.GetAsync($"/api/users?search={new string('a', 321)}", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["too_long"], problem.CodesFor("search"));
    }

    [Theory]
    [InlineData("hopper")]
    [InlineData("navy.example")]
    [InlineData("Lovelace")]
    public async Task Search_DoesNotMatchTheMiddleOfANameOrEmail(string search)
    {
        Assert.Empty(await NamesAsync($"/api/users?search={Uri.EscapeDataString(search)}"));
    }

    [Fact]
    public async Task Search_MatchesAnIdentitySubjectExactly()
    {
        Assert.Equal(["Mona"], await NamesAsync("/api/users?search=octocat-42"));
        Assert.Empty(await NamesAsync("/api/users?search=octocat-4"));
        Assert.Empty(await NamesAsync("/api/users?search=OCTOCAT-42"));
    }

    [Theory]
    [InlineData("a_a")]
    [InlineData("%")]
    [InlineData("_")]
    public async Task Search_TakesLikeWildcardsLiterally(string search)
    {
        Assert.Empty(await NamesAsync($"/api/users?search={Uri.EscapeDataString(search)}"));
    }

    [Fact]
    public async Task List_IsNewestFirst()
    {
        Assert.Equal(users.NewestFirst, await IdsAsync("/api/users?limit=500"));
    }

    [Fact]
    public async Task Paging_WithLimitAndAfter_WalksEveryUserOnce_WithoutOverlapOrGaps()
    {
        var seen = new List<Guid>();
        var pages = new List<int>();
        string? after = null;
        do
        {
            var page = await IdsAsync("/api/users?limit=7" + (after is null ? "" : "&after=" + after));
            pages.Add(page.Count);
            seen.AddRange(page);
            after = page.Count == 7 ? page[^1].ToString() : null;
        }
        while (after is not null);

        Assert.Equal([7, 7, 7, 7, 3], pages);
        Assert.Equal(users.NewestFirst, seen);
    }

    [Fact]
    public async Task LinkHeader_IsOnEveryFullPage_NotOnTheLast_AndFollowingItWalksEveryUser()
    {
        var (seen, links) = await FollowAsync("/api/users?limit=7");

        Assert.Equal(users.NewestFirst, seen);
        Assert.Equal(4, links.Count);
        Assert.All(links, link => Assert.StartsWith("/api/users?limit=7&after=", link, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkHeader_OfASearch_KeepsTheSearch()
    {
        var (seen, links) = await FollowAsync("/api/users?search=MEMBER&limit=10");

        Assert.Equal(users.Members, seen);
        Assert.Equal(2, links.Count);
        Assert.All(links, link => Assert.Contains("search=MEMBER", link, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("42")]
    public async Task After_ThatIsNoUserId_Is400InvalidId(string after)
    {
        using var response = await users.Host.Admin.GetAsync($"/api/users?after={after}", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["invalid_id"], problem.CodesFor("after"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(501)]
    public async Task Limit_OutOfRange_Is400OutOfRange(int limit)
    {
        using var response = await users.Host.Admin.GetAsync($"/api/users?limit={limit}", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["out_of_range"], problem.CodesFor("limit"));
    }

    /// <summary>Follows <c>rel="next"</c> from <paramref name="first"/> to the page without one: every id seen, and every link followed.</summary>
    private async Task<(List<Guid> Seen, List<string> Links)> FollowAsync(string first)
    {
        var seen = new List<Guid>();
        var links = new List<string>();
        for (var url = first; url is not null;)
        {
            using var response = await users.Host.Admin.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.AddRange((await response.ReadJsonAsync()).AsArray().Select(user => user!["id"]!.GetValue<Guid>()));
            url = response.Headers.TryGetValues("Link", out var values) ? NextOf(Assert.Single(values)) : null;
            if (url is not null)
            {
                links.Add(url);
                Assert.True(links.Count < 10, "The Link header leads on without end.");
            }
        }

        return (seen, links);
    }

    private static string NextOf(string link)
    {
        Assert.EndsWith(">; rel=\"next\"", link, StringComparison.Ordinal);
        Assert.StartsWith("<", link, StringComparison.Ordinal);
        return link[1..link.IndexOf('>', StringComparison.Ordinal)];
    }

    private async Task<List<JsonNode>> ListAsync(string url)
    {
        using var response = await users.Host.Admin.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).AsArray().Select(user => user!)];
    }

    private async Task<List<string>> NamesAsync(string url) => [.. (await ListAsync(url)).Select(user => user["name"]!.GetValue<string>())];

    private async Task<List<Guid>> IdsAsync(string url) => [.. (await ListAsync(url)).Select(user => user["id"]!.GetValue<Guid>())];

    /// <summary>25 members, then six people to search for, each a millisecond after the one before.</summary>
    public sealed class SeededUsers : IAsyncLifetime
    {
        private readonly List<Guid> _created = [];

        public HostFixture Host { get; } = new();

        /// <summary>Every user, newest first.</summary>
        public IReadOnlyList<Guid> NewestFirst => [.. Enumerable.Reverse(_created)];

        /// <summary>The 25 members, newest first.</summary>
        public IReadOnlyList<Guid> Members => [.. Enumerable.Reverse(_created.Take(25))];

        public async ValueTask InitializeAsync()
        {
            await Host.InitializeAsync();
            var at = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < 25; i++)
            {
                _created.Add(await Seed.UserAsync(Host.Database, $"Member {i:00}", $"member{i:00}@bulk.example", at.AddMilliseconds(_created.Count)));
            }

            foreach (var (name, email) in new[]
            {
                ("Ada Lovelace", "countess@analytical.example"),
                ("adam Smith", "a.smith@market.example"),
                ("Nada Ada", "nada@example.com"),
                ("Grace Hopper", "Grace.Hopper@Navy.example"),
                ("Émilie du Châtelet", "emilie@physique.example"),
                ("Mona", "mona@example.com"),
            })
            {
                _created.Add(await Seed.UserAsync(Host.Database, name, email, at.AddMilliseconds(_created.Count)));
            }

            await Seed.IdentityAsync(Host.Database, _created[^1], "github", "octocat-42");
        }

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }
}
