using System.Diagnostics.Metrics;
using System.Net;
using Connector.Host.Hardening;
using Connector.Host.Telemetry;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.SignIn;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Connector.Host.Tests.Hardening;

/// <summary>Per-address rate limits on sign-in, callback, token endpoint and admin API: 429 with Retry-After.</summary>
public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInStarts_OverTheLimit_Get429WithRetryAfter_AsAnHtmlPage()
    {
        await using var host = await SignInHost.StartAsync(Limit("SignIn", 3));
        await host.CreateConnectorAsync();
        using var browser = host.NewBrowser();
        for (var i = 0; i < 3; i++)
        {
            await browser.StartAsync(SignInHost.ConnectorId);
        }

        using var refused = await browser.GetAsync("/sign-in/" + SignInHost.ConnectorId);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Contains("rate_limited", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(SecurityHeaders.PolicyFor("/sign-in", loopbackImages: true), string.Join(", ", refused.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(3, await host.CountAsync("sign_in_states")); // the refused start wrote nothing
        Assert.Contains(host.Factory.Logs.Records, record => record.EventId.Id == 3101);
    }

    [Fact]
    public async Task Callbacks_OverTheLimit_Get429_BeforeTheStateIsLookedAt()
    {
        await using var host = await SignInHost.StartAsync(Limit("Callback", 2));
        using var refusedCallbacks = new MetricCollector<long>(
            host.Factory.Services.GetRequiredService<IMeterFactory>(), SignInMetrics.MeterName, SignInMetrics.RefusedName);
        using var browser = host.NewBrowser();
        for (var i = 0; i < 2; i++)
        {
            using var answered = await browser.GetAsync("/callback/acme?state=guess-" + i);
            Assert.Equal(HttpStatusCode.BadRequest, answered.StatusCode);
        }

        using var refused = await browser.GetAsync("/callback/acme?state=guess-3");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        // The two answered were refused as unknown states (counted, not audited); the third never reached the state check.
        Assert.Equal(2, refusedCallbacks.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Empty(await host.AuditOutcomesAsync());
    }

    [Fact]
    public async Task TokenEndpoint_StillAnswers_ThenOverTheLimitGets429AsAProblem()
    {
        await using var host = await SignInHost.StartAsync(Limit("Token", 2));
        using var client = host.Factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var answered = await client.PostAsync("/oidc/token", new FormUrlEncodedContent(
                new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = "nope", ["client_id"] = "nobody" }), Ct);
            Assert.Contains("\"error\"", await answered.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal); // OpenIddict answered
        }

        using var refused = await client.PostAsync("/oidc/token", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["grant_type"] = "authorization_code" }), Ct);

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task AdminApi_OverTheLimit_Gets429AsAProblem_CountingRefusedKeysToo()
    {
        await using var host = await SignInHost.StartAsync(Limit("Admin", 2));
        using var anonymous = host.Factory.CreateClient();
        using var wrongKey = await anonymous.GetAsync("/api/connectors", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        using var allowed = await host.Admin.GetAsync("/api/connectors", Ct);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        using var refused = await host.Admin.GetAsync("/api/connectors", Ct);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal(429, problem["status"]!.GetValue<int>());
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
    }

    [Fact]
    public async Task Limits_AreCountedPerClientAddress()
    {
        await using var host = await SignInHost.StartAsync(Limit("Admin", 1));
        host.Factory.CreateClient().Dispose(); // starts the server

        var first = await AdminCallFromAsync(host, "203.0.113.7");
        var again = await AdminCallFromAsync(host, "203.0.113.7");
        var other = await AdminCallFromAsync(host, "198.51.100.20");
        var sameIpv6Subscriber = await AdminCallFromAsync(host, "2001:db8:1:2::1");
        var sameIpv6SubscriberAgain = await AdminCallFromAsync(host, "2001:db8:1:2:ffff::9");

        Assert.Equal([200, 429, 200, 200, 429], new[] { first, again, other, sameIpv6Subscriber, sameIpv6SubscriberAgain });
    }

    [Fact]
    public async Task AnIPv6Site_RotatingThroughItsSubnets_MeetsTheLimitOfItsWhole48()
    {
        await using var host = await SignInHost.StartAsync(Limit("Admin", 1));
        host.Factory.CreateClient().Dispose();

        // Each /64 gets 1; the /48 they share gets 1 × SiteMultiplier.
        var fromSubnets = new List<int>();
        for (var subnet = 0; subnet <= RateLimitPolicy.SiteMultiplier; subnet++)
        {
            fromSubnets.Add(await AdminCallFromAsync(host, $"2001:db8:7:{subnet:x}::1"));
        }

        var otherSite = await AdminCallFromAsync(host, "2001:db8:8:1::1");

        Assert.Equal([.. Enumerable.Repeat(200, RateLimitPolicy.SiteMultiplier), 429], fromSubnets);
        Assert.Equal(200, otherSite);
    }

    [Fact]
    public async Task XForwardedFor_FromAnUnknownSender_DoesNotChangeTheRateLimitKey()
    {
        await using var host = await SignInHost.StartAsync(Limit("Admin", 1));
        host.Factory.CreateClient().Dispose();

        var first = await AdminCallFromAsync(host, "203.0.113.7", forwardedFor: "198.51.100.1");
        var spoofed = await AdminCallFromAsync(host, "203.0.113.7", forwardedFor: "198.51.100.2");

        Assert.Equal([200, 429], new[] { first, spoofed });
    }

    [Fact]
    public async Task XForwardedFor_FromAKnownProxy_IsTheClientAddress()
    {
        await using var host = await SignInHost.StartAsync(new Dictionary<string, string?>(Limit("Admin", 1))
        {
            ["Connectors:ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["Connectors:ForwardedHeaders:KnownNetworks:0"] = "10.1.0.0/16",
        });
        host.Factory.CreateClient().Dispose();

        var viaProxy = await AdminCallFromAsync(host, "10.0.0.5", forwardedFor: "198.51.100.1");
        var otherClientViaNetwork = await AdminCallFromAsync(host, "10.1.2.3", forwardedFor: "198.51.100.2");
        var firstClientAgain = await AdminCallFromAsync(host, "10.1.9.9", forwardedFor: "198.51.100.1");
        var unknownSender = await AdminCallFromAsync(host, "203.0.113.9", forwardedFor: "198.51.100.3");
        var unknownSenderAgain = await AdminCallFromAsync(host, "203.0.113.9", forwardedFor: "198.51.100.4");

        Assert.Equal([200, 200, 429, 200, 429], new[] { viaProxy, otherClientViaNetwork, firstClientAgain, unknownSender, unknownSenderAgain });
    }

    [Fact]
    public async Task LimitOfZero_TurnsThatLimitOff()
    {
        await using var host = await SignInHost.StartAsync(Limit("Admin", 0));

        for (var i = 0; i < 20; i++)
        {
            using var response = await host.Admin.GetAsync("/api/connectors", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task HealthAndStaticFiles_AreNotLimited()
    {
        await using var host = await SignInHost.StartAsync(new Dictionary<string, string?>
        {
            ["Connectors:RateLimits:SignIn:PermitLimit"] = "1",
            ["Connectors:RateLimits:Callback:PermitLimit"] = "1",
            ["Connectors:RateLimits:Token:PermitLimit"] = "1",
            ["Connectors:RateLimits:Admin:PermitLimit"] = "1",
        });
        using var client = host.Factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            using var health = await client.GetAsync("/healthz", Ct);
            using var css = await client.GetAsync("/assets/site.css", Ct);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        }
    }

    [Theory]
    [InlineData("Connectors:ForwardedHeaders:KnownProxies:0", "proxy.internal", "Connectors:ForwardedHeaders:KnownProxies:0 must be an IP address")]
    [InlineData("Connectors:ForwardedHeaders:KnownNetworks:0", "10.0.0.0", "Connectors:ForwardedHeaders:KnownNetworks:0 must be a network in CIDR form")]
    [InlineData("Connectors:RateLimits:SignIn:PermitLimit", "-1", "Connectors:RateLimits:SignIn:PermitLimit must be between 0")]
    [InlineData("Connectors:RateLimits:Admin:WindowSeconds", "0", "Connectors:RateLimits:Admin:WindowSeconds must be between 1 and 3600")]
    public void Start_WithABadLimit_FailsNamingTheSetting(string key, string value, string expected)
    {
        using var host = new HostFactory(TestPostgres.ConnectionStringFor("never_opened"), new Dictionary<string, string?> { [key] = value });

        var error = Record.Exception(() => host.CreateClient());

        Assert.Contains(expected, Messages.OfFailedStart(host, error), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Limit(string policy, int permits) =>
        new() { [$"Connectors:RateLimits:{policy}:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static async Task<int> AdminCallFromAsync(SignInHost host, string address, string? forwardedFor = null)
    {
        var context = await host.Factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/api/connectors";
            c.Request.Headers.Authorization = "Bearer " + AdminKeys.Primary;
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            if (forwardedFor is not null)
            {
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        }, Ct);
        return context.Response.StatusCode;
    }
}
