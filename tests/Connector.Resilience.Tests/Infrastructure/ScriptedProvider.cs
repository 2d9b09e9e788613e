using System.Globalization;
using System.Text.Json;
using WireMock;
using WireMock.ResponseBuilders;

namespace Connector.Resilience.Tests.Infrastructure;

/// <summary>
/// A stateless OAuth2 provider for thousands of sign-ins: the kit's fake provider, its log capped. The browser names
/// who signs in with <c>login_hint=subject~version</c> (<see cref="As"/>); that becomes the code, the code the access
/// token, and the token the profile <c>{ sub, name: "subject vN" }</c>. A code starting with <c>fail~</c> is refused
/// by the token endpoint (an injected failure). <see cref="HeldTokenPath"/> holds every request until
/// <see cref="Held"/> is released: a provider that has stopped answering.
/// </summary>
public sealed class ScriptedProvider : IDisposable
{
    public const string FailPrefix = "fail~";
    public const string HeldTokenPath = "/held/token";

    private readonly FakeProvider _provider = new(keepRequests: 100);

    public ScriptedProvider()
    {
        _provider.RedirectsBack(callbackQuery: request => "code=" + Uri.EscapeDataString(request.Query!["login_hint"].ToString()));
        _provider.OnToken(Response.Create().WithCallback(Token));
        Held = _provider.Holds("POST", HeldTokenPath, Token);
        _provider.OnUserInfo(Response.Create().WithCallback(Profile));
    }

    public string Url => _provider.Url;

    /// <summary>The requests <see cref="HeldTokenPath"/> holds.</summary>
    public HeldRequests Held { get; }

    public static string Hint(string subject, int version, bool fail = false) => (fail ? FailPrefix : "") + $"{subject}~{version}";

    public static string Name(string subject, int version) => $"{subject} v{version}";

    /// <summary>The authorization URL the host redirected to, with the hint that says who signs in.</summary>
    public static Uri As(Uri authorizationUrl, string subject, int version, bool fail = false) =>
        new(authorizationUrl + "&login_hint=" + Uri.EscapeDataString(Hint(subject, version, fail)));

    public void Dispose() => _provider.Dispose();

    private static ResponseMessage Token(IRequestMessage request)
    {
        var code = request.Form().GetValueOrDefault("code") ?? "";
        return code.StartsWith(FailPrefix, StringComparison.Ordinal)
            ? WireRequests.Message(503, "application/json", """{"error":"temporarily_unavailable"}""")
            : WireRequests.Message(200, "application/json", JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["access_token"] = code,
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
            }));
    }

    private static ResponseMessage Profile(IRequestMessage request)
    {
        var token = request.Headers!["Authorization"].ToString()["Bearer ".Length..];
        var parts = token.Split('~');
        var version = int.Parse(parts[1], CultureInfo.InvariantCulture);
        return WireRequests.Message(200, "application/json", JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["sub"] = parts[0],
            ["name"] = Name(parts[0], version),
        }));
    }
}
