using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Connector.Resilience.Tests.Infrastructure;

/// <summary>
/// A browser simulator with one cookie jar across host instances (as behind a load balancer): redirects are
/// followed by hand, and the provider is visited over a real socket, as a browser would.
/// </summary>
public sealed class Browser : IDisposable
{
    private static readonly HttpClient ProviderClient = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    private readonly CookieContainer _cookies = new();
    private readonly HttpClient[] _instances;

    public Browser(params WebApplicationFactory<Program>[] instances) =>
        _instances = [.. instances.Select(host => host.CreateDefaultClient(new Uri("http://localhost"), new CookieJarHandler(_cookies)))];

    public bool HasCookie(string name) => _cookies.GetCookies(new Uri("http://localhost")).Any(cookie => cookie.Name == name);

    /// <summary>GET /sign-in/{id} on one instance: the provider's authorization URL it redirects to.</summary>
    public async Task<Uri> StartAsync(string connectorId, int instance = 0)
    {
        using var response = await _instances[instance].GetAsync($"/sign-in/{connectorId}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>The provider's /authorize: its 302 back to our callback (path and query).</summary>
    public static async Task<string> AtProviderAsync(Uri authorizationUrl)
    {
        using var response = await ProviderClient.GetAsync(authorizationUrl, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.PathAndQuery;
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, int instance = 0) =>
        _instances[instance].GetAsync(pathAndQuery, TestContext.Current.CancellationToken);

    /// <summary>The whole flow on one instance, up to the callback's answer.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string connectorId, int instance = 0) =>
        await GetAsync(await AtProviderAsync(await StartAsync(connectorId, instance)), instance);

    public void Dispose()
    {
        foreach (var client in _instances)
        {
            client.Dispose();
        }
    }

    /// <summary>Sends and stores cookies like a browser, in the jar the instances share.</summary>
    private sealed class CookieJarHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    cookies.SetCookies(request.RequestUri!, value);
                }
            }

            return response;
        }
    }
}
