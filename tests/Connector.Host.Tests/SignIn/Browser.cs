using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.SignIn;

/// <summary>
/// A browser simulator: keeps the host's cookies, follows redirects by hand (so each hop can be asserted),
/// and visits the provider with a client of its own, as a browser would.
/// </summary>
public sealed class Browser : IDisposable
{
    private static readonly HttpClient ProviderClient = new(new HttpClientHandler { AllowAutoRedirect = false });

    /// <param name="cookies">Another browser's cookie jar, to be the same browser on another host instance.</param>
    public Browser(HostFactory host, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        Client = host.CreateDefaultClient(new Uri("http://localhost"), new CookieJarHandler(Cookies));
    }

    public CookieContainer Cookies { get; }

    public HttpClient Client { get; }

    /// <summary>GET /sign-in/{id}: the provider's authorization URL the host redirects to.</summary>
    public async Task<Uri> StartAsync(string connectorId, string? returnTo = null)
    {
        var path = $"/sign-in/{connectorId}" + (returnTo is null ? "" : "?returnTo=" + Uri.EscapeDataString(returnTo));
        using var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
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

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => Client.GetAsync(pathAndQuery, TestContext.Current.CancellationToken);

    /// <summary>The whole flow up to the callback's answer.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string connectorId, string? returnTo = null) =>
        await GetAsync(await AtProviderAsync(await StartAsync(connectorId, returnTo)));

    public void Dispose() => Client.Dispose();
}

/// <summary>Sends and stores cookies like a browser, in a jar the test can share between host instances.</summary>
internal sealed class CookieJarHandler(CookieContainer cookies) : DelegatingHandler
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
