using System.Net;
using System.Net.Http.Headers;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Security;

public sealed class AdminAuthTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string?> RejectedAuthorizations => new()
    {
        { (string?)null },
        { $"Bearer {AdminKeys.Wrong}" },
        { $"Bearer {AdminKeys.Primary}x" },
        { $"Bearer {AdminKeys.Primary[..^1]}" },
        { "Bearer " },
        { $"Basic {AdminKeys.Primary}" },
        { AdminKeys.Primary },
    };

    [Fact]
    public void AdminRoutes_AreReadFromTheRunningHost()
    {
        var routes = AdminRoutes.All(host.Factory);

        Assert.Contains(("POST", "/api/connectors"), routes);
        Assert.Contains(("PATCH", "/api/connectors/some-id"), routes);
        Assert.Contains(("POST", "/api/connectors/discover"), routes);
        Assert.Contains(("GET", "/api/users/some-id"), routes);
        Assert.Contains(("GET", "/api/audit"), routes);
        Assert.True(routes.Count >= 9, $"Only {routes.Count} admin routes found.");
    }

    [Theory]
    [MemberData(nameof(RejectedAuthorizations))]
    public async Task EveryAdminRoute_WithoutAValidKey_Returns401Problem(string? authorization)
    {
        using var client = host.Factory.CreateClient();
        foreach (var (method, path) in AdminRoutes.All(host.Factory))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = HttpJson.Body("{}") };
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            var response = await client.SendAsync(request, Ct);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode}.");
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
            Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        }
    }

    [Fact]
    public async Task AdminRoute_WithWrongKey_SaysInvalidTokenInTheChallenge()
    {
        using var client = host.Factory.CreateAdminClient(AdminKeys.Wrong);

        var response = await client.GetAsync("/api/connectors", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("error=\"invalid_token\"", Assert.Single(response.Headers.WwwAuthenticate).Parameter);
    }

    [Theory]
    [InlineData(AdminKeys.Primary)]
    [InlineData(AdminKeys.Secondary)]
    public async Task AdminRoute_WithAnyConfiguredKey_IsServed(string key)
    {
        using var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("bearer", key);

        var response = await client.GetAsync("/api/connectors", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RejectedKey_IsNotWrittenToTheLogs()
    {
        using var client = host.Factory.CreateAdminClient(AdminKeys.Wrong);

        await client.GetAsync("/api/connectors", Ct);

        Assert.Contains(host.Factory.Logs.Records, record => record.EventId.Id == 3001);
        Assert.DoesNotContain(AdminKeys.Wrong, host.Factory.Logs.AllText, StringComparison.Ordinal);
    }
}
