using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Connector.Resilience.Tests.Infrastructure;

/// <summary>
/// A stateless OAuth2 provider on a loopback port (Kestrel), fast enough for thousands of sign-ins. The
/// browser names who signs in with <c>login_hint=subject~version</c>; that becomes the code, the code the
/// access token, and the token the profile <c>{ sub, name: "subject vN" }</c>. A code starting with
/// <c>fail~</c> is refused by the token endpoint (an injected failure). <c>/held/token</c> holds every
/// request until <see cref="Release"/>: a provider that has stopped answering.
/// </summary>
public sealed class ScriptedProvider : IAsyncDisposable
{
    public const string FailPrefix = "fail~";

    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    private ScriptedProvider(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    /// <summary>Requests that reached <c>/held/token</c> so far.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Completes when <see cref="HeldTarget"/> requests are being held: an event to await, not a clock to poll.</summary>
    public Task AllHeld => _allHeld.Task;

    /// <summary>How many held requests complete <see cref="AllHeld"/>; set before the requests start.</summary>
    public int HeldTarget { get; set; } = int.MaxValue;

    private readonly TaskCompletionSource _allHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<ScriptedProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var provider = new ScriptedProvider(builder.Build());
        provider.Map();
        await provider._app.StartAsync(TestContext.Current.CancellationToken);
        provider.Url = provider._app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.Single()
            : throw new InvalidOperationException("No server.");
        return provider;
    }

    public static string Hint(string subject, int version, bool fail = false) => (fail ? FailPrefix : "") + $"{subject}~{version}";

    public static string Name(string subject, int version) => $"{subject} v{version}";

    public void Release() => _release.TrySetResult();

    private void Map()
    {
        _app.MapGet("/authorize", (HttpRequest request) =>
        {
            var query = request.Query;
            var target = $"{query["redirect_uri"]}?code={Uri.EscapeDataString(query["login_hint"].ToString())}&state={Uri.EscapeDataString(query["state"].ToString())}";
            return Results.Redirect(target);
        });
        _app.MapPost("/token", (HttpRequest request) => TokenAsync(request));
        _app.MapPost("/held/token", async (HttpRequest request) =>
        {
            if (Interlocked.Increment(ref _held) == HeldTarget)
            {
                _allHeld.TrySetResult();
            }

            // Bounded: a test that forgets to release still ends.
            await _release.Task.WaitAsync(TimeSpan.FromSeconds(60), request.HttpContext.RequestAborted);
            return await TokenAsync(request);
        });
        _app.MapGet("/userinfo", (HttpRequest request) =>
        {
            var token = request.Headers.Authorization.ToString()["Bearer ".Length..];
            var parts = token.Split('~');
            return Results.Json(new Dictionary<string, string> { ["sub"] = parts[0], ["name"] = Name(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)) });
        });
    }

    private static async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var code = form["code"].ToString();
        return code.StartsWith(FailPrefix, StringComparison.Ordinal)
            ? Results.Json(new Dictionary<string, string> { ["error"] = "temporarily_unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Json(new Dictionary<string, object> { ["access_token"] = code, ["token_type"] = "Bearer", ["expires_in"] = 3600 });
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
