using System.Collections.Concurrent;
using System.Net;
using Connector.Host.Tests.SignIn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore;
using ServerEvents = OpenIddict.Server.OpenIddictServerEvents;
using ValidationEvents = OpenIddict.Validation.OpenIddictValidationEvents;

namespace Connector.Host.Tests.Oidc;

/// <summary>
/// OpenIddict's server and validation look only at requests under the issuer: a browser sign-in, the account page and
/// the admin API never run their request pipelines; the issuer's paths still do (the server's endpoints end at the
/// server, which handles them, so the validation sees only the others).
/// </summary>
public sealed class OidcRequestScopeTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _server = new();
    private readonly ConcurrentQueue<string> _validation = new();
    private SignInHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // First of each pipeline: an endpoint's own handler ends the request's processing when it answers.
        _host = await SignInHost.StartAsync(services: services => services.AddOpenIddict()
            .AddServer(server => server.AddEventHandler<ServerEvents.ProcessRequestContext>(handler => handler.SetOrder(int.MinValue).UseInlineHandler(context =>
            {
                _server.Enqueue(context.Transaction.GetHttpRequest()!.Path.Value!);
                return default;
            })))
            .AddValidation(validation => validation.AddEventHandler<ValidationEvents.ProcessRequestContext>(handler => handler.SetOrder(int.MinValue).UseInlineHandler(context =>
            {
                _validation.Enqueue(context.Transaction.GetHttpRequest()!.Path.Value!);
                return default;
            }))));
        await _host.CreateConnectorAsync();
        _host.Upstream.SignsIn("""{"sub":"scope-1","name":"Katherine Johnson"}""");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task ABrowserSignInAndTheAdminApi_NeverReachOpenIddict_TheIssuersEndpointsDo()
    {
        using var browser = _host.NewBrowser();
        using (var callback = await browser.GetAsync(await Browser.AtProviderAsync(await browser.StartAsync(SignInHost.ConnectorId))))
        {
            Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        }

        using (var account = await browser.GetAsync("/account"))
        {
            Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        }

        using (var connectors = await _host.Admin.GetAsync("/api/connectors", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, connectors.StatusCode);
        }

        Assert.Empty(_server);
        Assert.Empty(_validation);

        using var discovery = await browser.GetAsync("/oidc/.well-known/openid-configuration");
        using var jwks = await browser.GetAsync("/OIDC/jwks");
        // Not one of the server's endpoints: the server passes, the validation reads the (missing) access token.
        using var vault = await browser.GetAsync($"/oidc/me/identities/{SignInHost.ConnectorId}/access-token");

        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, jwks.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, vault.StatusCode);
        Assert.Equal(["/oidc/.well-known/openid-configuration", "/OIDC/jwks", $"/oidc/me/identities/{SignInHost.ConnectorId}/access-token"], _server);
        Assert.Equal([$"/oidc/me/identities/{SignInHost.ConnectorId}/access-token"], _validation);
    }
}
