using System.Net;
using Connector.Testing.Hosting;

namespace Connector.Testing.Browsing;

/// <summary>
/// A browser simulator: one cookie jar, redirects followed by hand (so each hop can be asserted), and the provider
/// visited over a real socket with a client of its own, as a browser would. Given several host instances, the one
/// jar serves them all, as one browser behind a load balancer.
/// </summary>
public sealed class Browser : IDisposable
{
    /// <summary>Where the in-memory hosts answer (<see cref="HostSettings.InMemoryOrigin"/>).</summary>
    public static readonly Uri Origin = new(HostSettings.InMemoryOrigin);

    private static readonly HttpClient ProviderClient = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    private readonly HttpClient[] _instances;

    /// <param name="instances">Each host instance's in-memory handler (<c>factory.Server.CreateHandler()</c>); the browser owns them.</param>
    public Browser(params IEnumerable<HttpMessageHandler> instances)
        : this(null, instances)
    {
    }

    /// <param name="cookies">Another browser's cookie jar, to be the same browser on another host instance.</param>
    /// <param name="instances">Each host instance's in-memory handler; the browser owns them.</param>
    public Browser(CookieContainer? cookies, params IEnumerable<HttpMessageHandler> instances)
    {
        Cookies = cookies ?? new CookieContainer();
        _instances = [.. instances.Select(handler => new HttpClient(new CookieJarHandler(Cookies) { InnerHandler = handler }) { BaseAddress = Origin })];
        if (_instances.Length == 0)
        {
            throw new ArgumentException("A browser needs a host to visit.", nameof(instances));
        }
    }

    public CookieContainer Cookies { get; }

    /// <summary>The client of the first instance, for requests the helpers do not make (a form post, say).</summary>
    public HttpClient Client => _instances[0];

    /// <summary>A second jar with this browser's cookies: what a copied (stolen, synced) cookie is to the host.</summary>
    public CookieContainer CopyOfCookies()
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in Cookies.GetAllCookies())
        {
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return copy;
    }

    public bool HasCookie(string name) => Cookies.GetCookies(Origin).Any(cookie => cookie.Name == name);

    /// <summary>GET /sign-in/{id}: the provider's authorization URL the host redirects to.</summary>
    public async Task<Uri> StartAsync(string connectorId, string? returnTo = null, int instance = 0)
    {
        var path = $"/sign-in/{connectorId}" + (returnTo is null ? "" : "?returnTo=" + Uri.EscapeDataString(returnTo));
        using var response = await GetAsync(path, instance);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>The provider's authorization endpoint: its 302 back to our callback (path and query).</summary>
    public static async Task<string> AtProviderAsync(Uri authorizationUrl)
    {
        using var response = await ProviderClient.GetAsync(authorizationUrl, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.PathAndQuery;
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, int instance = 0) =>
        _instances[instance].GetAsync(new Uri(pathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken);

    /// <summary>The whole flow on one instance, up to the callback's answer.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string connectorId, string? returnTo = null, int instance = 0) =>
        await GetAsync(await AtProviderAsync(await StartAsync(connectorId, returnTo, instance)), instance);

    public void Dispose()
    {
        foreach (var client in _instances)
        {
            client.Dispose();
        }
    }
}
