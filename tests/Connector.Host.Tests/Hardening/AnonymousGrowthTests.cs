using System.Net;
using Connector.Host.SignIn;
using Connector.Host.Tests.Oidc;
using Connector.Host.Tests.SignIn;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Connector.Host.Tests.Hardening;

/// <summary>
/// What an anonymous client can make the service keep is bounded: unfinished sign-ins by a global ceiling
/// (<c>Connectors:SignIn:MaxPendingStates</c>) that browsers without cookies cannot escape, return targets by length.
/// </summary>
public sealed class AnonymousGrowthTests : IAsyncLifetime
{
    private const int Ceiling = 100;
    private SignInHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await SignInHost.StartAsync(new Dictionary<string, string?>
        {
            ["Connectors:SignIn:MaxPendingStates"] = Ceiling.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Connectors:RateLimits:SignIn:PermitLimit"] = "0",
            ["Connectors:RateLimits:Callback:PermitLimit"] = "0",
        });
        await _host.CreateConnectorAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task AThousandCookielessStarts_WithTheLongestReturnTo_StopAtTheCeiling_AndStatesStayShort()
    {
        using var client = _host.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var returnTo = "/account?pad=" + new string('p', ReturnUrlPolicy.MaxLength - 13);
        var statuses = new Dictionary<HttpStatusCode, int>();
        string? refusal = null;
        for (var i = 0; i < 1000; i++)
        {
            using var response = await client.GetAsync($"/sign-in/{SignInHost.ConnectorId}?returnTo={Uri.EscapeDataString(returnTo)}", Ct);
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refusal ??= await response.Content.ReadAsStringAsync(Ct);
            }
        }

        var longest = await _host.Database.QueryAsync<int>("SELECT coalesce(max(length(return_url)), 0) FROM sign_in_states");

        Assert.Equal(Ceiling, statuses[HttpStatusCode.Redirect]);
        Assert.Equal(1000 - Ceiling, statuses[HttpStatusCode.TooManyRequests]);
        Assert.Equal(Ceiling, await _host.CountAsync("sign_in_states"));
        Assert.Equal(ReturnUrlPolicy.MaxLength, longest[0]);
        Assert.Contains("rate_limited", refusal, StringComparison.Ordinal);
        Assert.Contains(_host.Factory.Logs.Records, record => record.EventId.Id == 4103);
    }

    [Fact]
    public async Task AThousandStatelessCallbacks_WriteNothing()
    {
        using var client = _host.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        for (var i = 0; i < 1000; i++)
        {
            var query = i % 2 == 0 ? "" : $"?state=guess-{i}&code=x";
            using var response = await client.GetAsync($"/callback/{SignInHost.ConnectorId}{query}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(0, await _host.CountAsync("audit_events WHERE action = 'sign_in'"));
        Assert.Equal(0, await _host.CountAsync("sign_in_states"));
    }

    [Fact]
    public async Task AtTheCeiling_StartsResumeOnceStatesAreUsedOrCleanedUp()
    {
        using var client = _host.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        for (var i = 0; i < Ceiling; i++)
        {
            using var started = await client.GetAsync($"/sign-in/{SignInHost.ConnectorId}", Ct);
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        using var full = await client.GetAsync($"/sign-in/{SignInHost.ConnectorId}", Ct);
        await _host.Database.QueryAsync<int>("WITH gone AS (DELETE FROM sign_in_states WHERE state_hash IN (SELECT state_hash FROM sign_in_states LIMIT 10) RETURNING 1) SELECT count(*)::int FROM gone");
        _host.Clock.Advance(TimeSpan.FromSeconds(1)); // the next start counts again
        using var roomAgain = await client.GetAsync($"/sign-in/{SignInHost.ConnectorId}", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, full.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, roomAgain.StatusCode);
    }

    [Fact]
    public async Task AnOidcAuthorizationRequestTooLongToResume_IsRefusedToTheApp_NotDropped()
    {
        await using var world = await OidcWorld.StartAsync();
        var app = await world.CreateAppAsync();
        var path = OidcWorld.AuthorizePath(app, Pkce.Create(), state: new string('s', ReturnUrlPolicy.MaxLength));
        using var browser = world.Host.NewBrowser();

        using var answer = await browser.GetAsync(path);
        var location = answer.Headers.Location?.OriginalString ?? "";

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith(app.RedirectUri, location, StringComparison.Ordinal);
        Assert.Contains("error=invalid_request", location, StringComparison.Ordinal);
        Assert.Equal(0, await world.Host.CountAsync("sign_in_states"));
    }
}
