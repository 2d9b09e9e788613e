using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Users;

public sealed class UsersApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListUsers_ReturnsUsersWithTheirIdentitiesAndProfiles()
    {
        var userId = await Seed.UserWithIdentityAsync(host.Database, "github", "listed-user", "Listed");

        var response = await host.Admin.GetAsync("/api/users", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = (await response.ReadJsonAsync()).AsArray().Single(u => u!["id"]!.GetValue<Guid>() == userId)!;
        Assert.Equal("Listed", user["name"]!.GetValue<string>());
        Assert.Equal("listed-user@example.com", user["email"]!.GetValue<string>());
        Assert.True(user["emailVerified"]!.GetValue<bool>());
        var identity = Assert.Single(user["identities"]!.AsArray())!;
        Assert.Equal("github", identity["connectorId"]!.GetValue<string>());
        Assert.Equal("listed-user", identity["profile"]!["id"]!.GetValue<string>());
        Assert.Equal("listed-user", identity["rawProfile"]!["login"]!.GetValue<string>());
        Assert.NotNull(identity["createdAt"]);
    }

    [Fact]
    public async Task GetUser_WithKnownId_ReturnsTheUserWithIdentities()
    {
        var userId = await Seed.UserWithIdentityAsync(host.Database, "gitlab", "one-user", "One");

        var user = await (await host.Admin.GetAsync($"/api/users/{userId}", Ct)).ReadJsonAsync();

        Assert.Equal(userId, user["id"]!.GetValue<Guid>());
        Assert.Equal("gitlab", user["identities"]![0]!["connectorId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("not-a-guid")]
    public async Task GetUser_WithUnknownId_Returns404UserNotFound(string id)
    {
        var response = await host.Admin.GetAsync($"/api/users/{id}", Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    [Fact]
    public async Task ListUsers_WithLimitOutOfRange_Returns400()
    {
        var response = await host.Admin.GetAsync("/api/users?limit=0", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["out_of_range"], problem.CodesFor("limit"));
    }
}
