using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Connector.OAuth2.Tests.Support;

/// <summary>
/// A real HTTP provider on a dynamic loopback port (WireMock.Net). Disposing it fails the test when
/// any request arrived that no stub expected, so a stray call cannot pass unnoticed.
/// </summary>
internal sealed class FakeProvider : IDisposable
{
    public FakeProvider() => Server = WireMockServer.Start();

    public WireMockServer Server { get; }

    public string Url => Server.Url!;

    public string TokenEndpoint => Url + "/token";

    public string UserInfoEndpoint => Url + "/userinfo";

    public void OnToken(int status, string contentType, string body, TimeSpan? delay = null) =>
        Server.Given(Request.Create().WithPath("/token").UsingPost())
            .RespondWith(WithDelay(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body), delay));

    public void OnTokenJson(string json) => OnToken(200, "application/json", json);

    public void OnUserInfo(int status, string contentType, string body, TimeSpan? delay = null) =>
        Server.Given(Request.Create().WithPath("/userinfo").UsingGet())
            .RespondWith(WithDelay(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body), delay));

    public void OnUserInfoJson(string json) => OnUserInfo(200, "application/json", json);

    public IReadOnlyList<ILogEntry> Requests(string path) =>
        Server.LogEntries.Where(e => e.RequestMessage!.Path == path).ToList();

    public ILogEntry SingleRequest(string path) => Assert.Single(Requests(path));

    public static string Header(ILogEntry entry, string name) =>
        entry.RequestMessage!.Headers is { } headers && headers.TryGetValue(name, out var values) ? string.Join(",", values) : "";

    public static bool HasHeader(ILogEntry entry, string name) =>
        entry.RequestMessage!.Headers?.ContainsKey(name) == true;

    public static Dictionary<string, string> Form(ILogEntry entry) =>
        System.Web.HttpUtility.ParseQueryString(entry.RequestMessage!.Body ?? "") is var form
            ? form.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => form[k]!)
            : [];

    public void Dispose()
    {
        var unexpected = Server.LogEntries.Where(e => e.MappingGuid is null || e.RequestMatchResult?.IsPerfectMatch == false)
            .Select(e => $"{e.RequestMessage!.Method} {e.RequestMessage!.Path}")
            .ToList();
        Server.Stop();
        Server.Dispose();
        Assert.True(unexpected.Count == 0, "The fake provider got requests no stub expected: " + string.Join(", ", unexpected));
    }

    private static IResponseBuilder WithDelay(IResponseBuilder response, TimeSpan? delay) =>
        delay is { } d ? response.WithDelay(d) : response;
}
