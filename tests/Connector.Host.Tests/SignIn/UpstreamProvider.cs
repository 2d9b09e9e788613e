using System.Web;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Connector.Host.Tests.SignIn;

/// <summary>
/// A real OAuth2 provider on a loopback port (WireMock.Net): <c>/authorize</c> answers 302 to the callback
/// with a code and the echoed state, <c>/token</c> and <c>/userinfo</c> answer what the test sets. Any
/// request no stub expected fails the test on dispose.
/// </summary>
public sealed class UpstreamProvider : IDisposable
{
    public const string Code = "upstream-code-1";
    public const string AccessToken = "upstream-access-token-1";

    public UpstreamProvider()
    {
        Server = WireMockServer.Start();
        Server.Given(Request.Create().WithPath("/authorize").UsingGet())
            .RespondWith(Response.Create().WithCallback(RedirectBack));
    }

    public WireMockServer Server { get; }

    public string Url => Server.Url!;

    /// <summary>Overrides the /authorize answer's query (e.g. <c>error=access_denied</c> instead of a code).</summary>
    public string CallbackQuery { get; set; } = $"code={Code}";

    public void OnToken(int status, string json) =>
        Server.Given(Request.Create().WithPath("/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));

    public void OnUserInfo(int status, string json) =>
        Server.Given(Request.Create().WithPath("/userinfo").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));

    /// <summary>A provider that signs in the given profile.</summary>
    public void SignsIn(string userInfoJson)
    {
        OnToken(200, $$"""{"access_token":"{{AccessToken}}","token_type":"Bearer","expires_in":3600}""");
        OnUserInfo(200, userInfoJson);
    }

    public IReadOnlyList<WireMock.Logging.ILogEntry> Requests(string path) =>
        [.. Server.LogEntries.Where(entry => entry.RequestMessage!.Path == path)];

    public Dictionary<string, string> TokenForm(int index = 0)
    {
        var form = HttpUtility.ParseQueryString(Requests("/token")[index].RequestMessage!.Body ?? "");
        return form.AllKeys.OfType<string>().ToDictionary(key => key, key => form[key]!);
    }

    public void Dispose()
    {
        var unexpected = Server.LogEntries.Where(e => e.MappingGuid is null || e.RequestMatchResult?.IsPerfectMatch == false)
            .Select(e => $"{e.RequestMessage!.Method} {e.RequestMessage.Path}").ToList();
        Server.Stop();
        Server.Dispose();
        Assert.True(unexpected.Count == 0, "The upstream provider got requests no stub expected: " + string.Join(", ", unexpected));
    }

    private ResponseMessage RedirectBack(IRequestMessage request)
    {
        var redirectUri = request.Query!["redirect_uri"].ToString();
        var state = Uri.EscapeDataString(request.Query["state"].ToString());
        var response = new ResponseMessage { StatusCode = 302 };
        response.AddHeader("Location", $"{redirectUri}?{CallbackQuery}&state={state}");
        return response;
    }
}
