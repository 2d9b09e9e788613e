using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Connector.Resilience.Tests.Infrastructure;

/// <summary>
/// A provider that misbehaves on demand (WireMock.Net on a loopback port): <c>/authorize</c> answers 302 to
/// the callback with a code, and each test sets how <c>/token</c> and <c>/userinfo</c> fail.
/// </summary>
public sealed class FaultyProvider : IDisposable
{
    public const string AccessToken = "faulty-access-token";

    public FaultyProvider()
    {
        Server = WireMockServer.Start();
        Server.Given(Request.Create().WithPath("/authorize").UsingGet()).RespondWith(Response.Create().WithCallback(RedirectBack));
    }

    public WireMockServer Server { get; }

    public string Url => Server.Url!;

    public void OnToken(IResponseBuilder response) => Server.Given(Request.Create().WithPath("/token").UsingPost()).RespondWith(response);

    public void OnUserInfo(IResponseBuilder response) => Server.Given(Request.Create().WithPath("/userinfo").UsingGet()).RespondWith(response);

    /// <summary>A token endpoint that works, so the fault under test is the userinfo one.</summary>
    public void GoodToken() => OnToken(Json($$"""{"access_token":"{{AccessToken}}","token_type":"Bearer","expires_in":3600}"""));

    public static IResponseBuilder Json(string body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    public int Requests(string path) => Server.LogEntries.Count(entry => entry.RequestMessage!.Path == path);

    public void Dispose()
    {
        var unexpected = Server.LogEntries.Where(e => e.MappingGuid is null || e.RequestMatchResult?.IsPerfectMatch == false)
            .Select(e => $"{e.RequestMessage!.Method} {e.RequestMessage.Path}").ToList();
        Server.Stop();
        Server.Dispose();
        Assert.True(unexpected.Count == 0, "The provider got requests no stub expected: " + string.Join(", ", unexpected));
    }

    private static ResponseMessage RedirectBack(IRequestMessage request)
    {
        var redirectUri = request.Query!["redirect_uri"].ToString();
        var state = Uri.EscapeDataString(request.Query["state"].ToString());
        var response = new ResponseMessage { StatusCode = 302 };
        response.AddHeader("Location", $"{redirectUri}?code=faulty-code&state={state}");
        return response;
    }
}
