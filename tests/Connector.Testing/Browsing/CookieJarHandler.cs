using System.Net;

namespace Connector.Testing.Browsing;

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
