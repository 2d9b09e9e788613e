using System.Net;

namespace Connector.Bench;

/// <summary>
/// Virtual browsers against the real host: <c>/sign-in/{id}</c> → provider <c>/authorize</c> →
/// <c>/callback/{id}</c> → <c>/account</c>, each sign-in in a fresh browser (no cookies but its own).
/// The provider learns who signs in from <c>login_hint</c>, as if the user typed their name there.
/// </summary>
internal sealed class SignInScenario(string hostUrl, string connectorId) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 256,
    });

    public async Task<bool> SignInAsync(string subject)
    {
        using var start = await _http.GetAsync($"{hostUrl}/sign-in/{connectorId}");
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

        using var callbackRequest = new HttpRequestMessage(HttpMethod.Get, authorize.Headers.Location);
        callbackRequest.Headers.Add("Cookie", binding);
        using var callback = await _http.SendAsync(callbackRequest);
        if (callback.StatusCode != HttpStatusCode.Redirect)
        {
            return false;
        }

        using var accountRequest = new HttpRequestMessage(HttpMethod.Get, $"{hostUrl}/account");
        accountRequest.Headers.Add("Cookie", Cookie(callback, "connectors.session"));
        using var account = await _http.SendAsync(accountRequest);
        return account.StatusCode == HttpStatusCode.OK;
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal)) ?? ""
            : "";

    public void Dispose() => _http.Dispose();
}
