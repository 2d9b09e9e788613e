using System.Collections.Concurrent;
using System.Collections.Specialized;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Connector.Testing.Providers;

/// <summary>
/// A real HTTP provider on a dynamic loopback port (WireMock.Net), and a strict one: disposing it fails the test when
/// any request arrived that no stub expected, so a stray call cannot pass unnoticed. Like a real provider, its
/// <c>/authorize</c> sends the browser back to the <c>redirect_uri</c> with <see cref="CallbackQuery"/> and the echoed
/// state; each test says what <c>/token</c>, <c>/userinfo</c> or any other path answers, and reads back what went
/// over the wire from the request log (<see cref="Requests"/>, <see cref="WireRequests"/>).
/// </summary>
public sealed class FakeProvider : IDisposable
{
    public const string AuthorizePath = "/authorize";
    public const string TokenPath = "/token";
    public const string UserInfoPath = "/userinfo";

    /// <summary>The code <c>/authorize</c> hands out unless <see cref="CallbackQuery"/> says otherwise.</summary>
    public const string Code = "provider-code-1";

    /// <summary>The bearer token <see cref="IssuesAnAccessToken"/> answers with.</summary>
    public const string AccessToken = "provider-access-token-1";

    private readonly ConcurrentQueue<string> _unexpected = new();
    private readonly ConcurrentBag<HeldRequests> _held = [];
    private readonly ConcurrentDictionary<string, Guid> _stubs = new();

    /// <param name="keepRequests">
    /// How many requests the log keeps (null: every one). A load test caps it to save memory; the unmatched-request
    /// check sees every request either way.
    /// </param>
    public FakeProvider(int? keepRequests = null)
    {
        Server = WireMockServer.Start(new WireMockServerSettings { MaxRequestLogCount = keepRequests });
        Server.LogEntriesChanged += OnLogged;
        RedirectsBack();
    }

    /// <summary>The WireMock server itself, for what the helpers do not cover (scenarios, faults).</summary>
    public WireMockServer Server { get; }

    public string Url => Server.Url!;

    public string AuthorizationEndpoint => Url + AuthorizePath;

    public string TokenEndpoint => Url + TokenPath;

    public string UserInfoEndpoint => Url + UserInfoPath;

    /// <summary>What <c>/authorize</c> sends back beside the state, read at each request (e.g. <c>error=access_denied</c>).</summary>
    public string CallbackQuery { get; set; } = "code=" + Code;

    public static IResponseBuilder Answer(int status, string contentType, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);

    public static IResponseBuilder Json(string body, int status = 200) => Answer(status, "application/json", body);

    /// <summary>An answer with a status and nothing else.</summary>
    public static IResponseBuilder Status(int status) => Response.Create().WithStatusCode(status);

    public static IResponseBuilder Redirect(string location, int status = 302) =>
        Response.Create().WithStatusCode(status).WithHeader("Location", location);

    /// <summary>Stubs one method and path; a later stub for the same method and path replaces it.</summary>
    public void On(string method, string path, IResponseBuilder response) =>
        Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .WithGuid(_stubs.GetOrAdd($"{method.ToUpperInvariant()} {path}", _ => Guid.NewGuid()))
            .RespondWith(response);

    public void OnToken(IResponseBuilder response) => On("POST", TokenPath, response);

    public void OnToken(int status, string contentType, string body) => OnToken(Answer(status, contentType, body));

    public void OnTokenJson(string json, int status = 200) => OnToken(Json(json, status));

    public void OnUserInfo(IResponseBuilder response) => On("GET", UserInfoPath, response);

    public void OnUserInfo(int status, string contentType, string body) => OnUserInfo(Answer(status, contentType, body));

    public void OnUserInfoJson(string json, int status = 200) => OnUserInfo(Json(json, status));

    /// <summary>A token endpoint that works (a bearer <see cref="AccessToken"/>), so the fault under test lies elsewhere.</summary>
    public void IssuesAnAccessToken() =>
        OnTokenJson($$"""{"access_token":"{{AccessToken}}","token_type":"Bearer","expires_in":3600}""");

    /// <summary>A provider that signs in the given profile: a token, then this userinfo answer.</summary>
    public void SignsIn(string userInfoJson)
    {
        IssuesAnAccessToken();
        OnUserInfoJson(userInfoJson);
    }

    /// <summary>
    /// The authorization endpoint at <paramref name="path"/> answers 302 to the request's <c>redirect_uri</c> with the
    /// query <paramref name="callbackQuery"/> makes of the request (by default <see cref="CallbackQuery"/>) and the echoed state.
    /// </summary>
    public void RedirectsBack(string path = AuthorizePath, Func<IRequestMessage, string>? callbackQuery = null) =>
        On("GET", path, Response.Create().WithCallback(request =>
        {
            var redirectUri = request.Query!["redirect_uri"].ToString();
            var state = Uri.EscapeDataString(request.Query["state"].ToString());
            var response = new ResponseMessage { StatusCode = 302 };
            response.AddHeader("Location", $"{redirectUri}?{callbackQuery?.Invoke(request) ?? CallbackQuery}&state={state}");
            return response;
        }));

    /// <summary>The first request gets <paramref name="first"/>, every later one <paramref name="then"/>: a provider that recovers.</summary>
    public void OnceThen(string method, string path, IResponseBuilder first, IResponseBuilder then)
    {
        var scenario = $"{method.ToUpperInvariant()} {path}, once then";
        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).InScenario(scenario).WillSetStateTo("answered once").RespondWith(first);
        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).InScenario(scenario).WhenStateIs("answered once").RespondWith(then);
    }

    /// <summary>
    /// The endpoint takes requests and answers none until <see cref="HeldRequests.Release"/>: a provider that has
    /// stopped answering. Then <paramref name="answer"/> (by default a 503) goes to whoever still listens.
    /// </summary>
    public HeldRequests Holds(string method, string path, Func<IRequestMessage, IResponseMessage>? answer = null)
    {
        var held = new HeldRequests();
        _held.Add(held);
        On(method, path, Response.Create().WithCallback(async request =>
        {
            await held.WaitAsync();
            return answer?.Invoke(request) ?? WireRequests.Message(503, "application/json", """{"error":"temporarily_unavailable"}""");
        }));
        return held;
    }

    /// <summary>What arrived (at one path, or anywhere), oldest first.</summary>
    public IReadOnlyList<ILogEntry> Requests(string? path = null) =>
        [.. Server.LogEntries.Where(entry => path is null || entry.RequestMessage!.Path == path)];

    public ILogEntry SingleRequest(string path) => Assert.Single(Requests(path));

    /// <summary>The form of the <paramref name="index"/>th token request.</summary>
    public Dictionary<string, string> TokenForm(int index = 0) => Requests(TokenPath)[index].Form();

    /// <summary>Stops the server (held requests released first, so it does not wait on them), then fails on any request no stub expected.</summary>
    public void Dispose()
    {
        foreach (var held in _held)
        {
            held.Release();
        }

        Server.Stop();
        Server.LogEntriesChanged -= OnLogged;
        Server.Dispose();
        Assert.True(_unexpected.IsEmpty, "The fake provider got requests no stub expected: " + string.Join(", ", _unexpected));
    }

    // The one unmatched-request check: no stub matched the request perfectly (WireMock then answers 404).
    private void OnLogged(object? sender, NotifyCollectionChangedEventArgs change)
    {
        foreach (var entry in change.NewItems?.OfType<ILogEntry>() ?? [])
        {
            if (entry.MappingGuid is null || entry.RequestMatchResult?.IsPerfectMatch == false)
            {
                _unexpected.Enqueue($"{entry.RequestMessage!.Method} {entry.RequestMessage.Path}");
            }
        }
    }
}
