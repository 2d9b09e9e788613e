using System.Net;

namespace Connector.Bench;

/// <summary>
/// Virtual browsers against the real host: <c>/sign-in/{id}</c> → provider <c>/authorize</c> →
/// <c>/callback/{id}</c> → <c>/account</c>, each sign-in in a fresh browser (no cookies but its own).
/// The provider learns who signs in from <c>login_hint</c>, as if the user typed their name there.
/// With several hosts (one database) each request goes to the next host in turn, as a load balancer without sticky
/// sessions would send it: a sign-in started on one instance ends on another.
/// </summary>
internal sealed class SignInScenario(IReadOnlyList<string> hostUrls, string connectorId) : IDisposable
{
    private int _next;

    public SignInScenario(string hostUrl, string connectorId)
        : this([hostUrl], connectorId)
    {
    }

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 256,
    });

    public async Task<bool> SignInAsync(string subject)
    {
        using var start = await _http.GetAsync($"{NextHost()}/sign-in/{connectorId}");
        if (start.StatusCode != HttpStatusCode.Redirect)
        {
            return false;
        }

        var binding = Cookie(start, "connectors.binding");
        using var authorize = await _http.GetAsync(start.Headers.Location + "&login_hint=" + Uri.EscapeDataString(subject));
        if (authorize.StatusCode != HttpStatusCode.Redirect)
        {
            return false;
        }

        // The provider answers with the first host's callback URL; the balancer may hand it to any instance.
        var instance = new Uri(NextHost());
        var callbackUrl = new UriBuilder(authorize.Headers.Location!) { Scheme = instance.Scheme, Host = instance.Host, Port = instance.Port }.Uri;
        using var callbackRequest = new HttpRequestMessage(HttpMethod.Get, callbackUrl);
        callbackRequest.Headers.Add("Cookie", binding);
        using var callback = await _http.SendAsync(callbackRequest);
        if (callback.StatusCode != HttpStatusCode.Redirect)
        {
            return false;
        }

        using var accountRequest = new HttpRequestMessage(HttpMethod.Get, $"{NextHost()}/account");
        accountRequest.Headers.Add("Cookie", Cookie(callback, "connectors.session"));
        using var account = await _http.SendAsync(accountRequest);
        return account.StatusCode == HttpStatusCode.OK;
    }

    private string NextHost() => hostUrls[(int)((uint)Interlocked.Increment(ref _next) % (uint)hostUrls.Count)];

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal)) ?? ""
            : "";

    public void Dispose() => _http.Dispose();
}
