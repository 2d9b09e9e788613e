using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.Presets;
using WireMock.Logging;

namespace Connector.Host.Tests.Providers;

/// <summary>
/// One of the providers as recorded in the catalogue (Fixtures/providers/{id}.json), replayed by the
/// test's WireMock upstream on the provider's real paths and queries, with a connector created from its preset. A preset
/// that verifies ID tokens gets the recorded ID-token payload signed by the upstream's key with the nonce the
/// authorization request carried, and the upstream's JWKS.
/// </summary>
public sealed class RecordedProvider : IDisposable
{
    public const string ClientId = "preset-client-id-4471";
    public const string ClientSecret = "preset-client-secret-9b3e1f7a";

    private readonly FakeProvider _upstream;
    private readonly IdTokenIssuer? _issuer;

    private RecordedProvider(string id, JsonObject recorded, JsonObject preset, FakeProvider upstream)
    {
        Id = id;
        Recorded = recorded;
        Preset = preset;
        _upstream = upstream;
        _issuer = IdTokenRules is null ? null : new IdTokenIssuer(upstream);
    }

    /// <summary>The preset's <c>idTokenVerificationConfig</c>, when it verifies ID tokens.</summary>
    public JsonObject? IdTokenRules => Preset["config"]!["idTokenVerificationConfig"]?.AsObject();

    /// <summary>The nonce of the last authorization request the upstream saw.</summary>
    public string? LastNonce { get; private set; }

    public string Id { get; }

    /// <summary>The catalogue file: tokenResponse, userInfoRequest, userInfoResponse, quirks.</summary>
    public JsonObject Recorded { get; }

    /// <summary>The preset file (presets/{id}.json): name and config, its parameters filled with the file's examples.</summary>
    public JsonObject Preset { get; }

    public string PresetName => Preset["name"]!.GetValue<string>();

    public Uri TokenEndpoint => RealEndpoint("tokenEndpoint");

    public Uri UserInfoEndpoint => RealEndpoint("userInfoEndpoint");

    public Uri? EmailLookupEndpoint => Preset["config"]!["emailLookup"] is { } lookup ? new Uri(lookup["endpoint"]!.GetValue<string>()) : null;

    public string UserInfoMethod => Recorded["userInfoRequest"]!["method"]!.GetValue<string>();

    /// <summary>The recorded extra userinfo headers, with <c>&lt;clientId&gt;</c> replaced by the connector's client id.</summary>
    public IEnumerable<(string Name, string Value)> UserInfoHeaders =>
        Recorded["userInfoRequest"]!["headers"]!.AsObject()
            .Select(h => (h.Key, h.Value!.GetValue<string>().Replace("<clientId>", ClientId, StringComparison.Ordinal)));

    public JsonNode UserInfoResponse => Recorded["userInfoResponse"]!;

    /// <summary>The access token inside the recorded token answer, whatever its format.</summary>
    public string AccessToken => TokenBody is var body && TokenContentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal)
        ? HttpUtility.ParseQueryString(body)["access_token"]!
        : JsonNode.Parse(body)!["access_token"]!.GetValue<string>();

    private string TokenContentType => Recorded["tokenResponse"]!["contentType"]!.GetValue<string>();

    private string TokenBody => Recorded["tokenResponse"]!["body"] is JsonValue raw && raw.TryGetValue<string>(out var text)
        ? text
        : Recorded["tokenResponse"]!["body"]!.ToJsonString();

    public static RecordedProvider Load(string id, FakeProvider upstream)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "providers", id + ".json");
        return new RecordedProvider(id, JsonNode.Parse(File.ReadAllText(file))!.AsObject(), PresetFiles.Filled(id), upstream);
    }

    /// <summary>POST /api/connectors from the preset, only credentials and the endpoints (real path and query, our upstream) given.</summary>
    public async Task CreateConnectorAsync(HttpClient admin)
    {
        var config = new JsonObject
        {
            ["clientId"] = ClientId,
            ["clientSecret"] = ClientSecret,
            ["authorizationEndpoint"] = Local(RealEndpoint("authorizationEndpoint")),
            ["tokenEndpoint"] = Local(TokenEndpoint),
            ["userInfoEndpoint"] = Local(UserInfoEndpoint),
        };
        if (EmailLookupEndpoint is { } lookup)
        {
            config["emailLookup"] = new JsonObject { ["endpoint"] = Local(lookup) };
        }

        if (IdTokenRules is { } rules)
        {
            config["idTokenVerificationConfig"] = new JsonObject { ["jwksUri"] = _issuer!.JwksUri, ["issuer"] = rules["issuer"]!.GetValue<string>() };
        }

        var body = new JsonObject { ["preset"] = Id, ["id"] = Id, ["config"] = config };
        if (PresetFiles.Examples(Id) is { Count: > 0 } parameters)
        {
            body["presetParameters"] = parameters;
        }

        using var response = await admin.PostAsync("/api/connectors", HttpJson.Body(body.ToJsonString()), TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"{Id}: creating from the preset answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    /// <summary>The provider's authorization endpoint sends the browser back to our callback with a code and the echoed state.</summary>
    public void RedirectsBackWithACode() => _upstream.RedirectsBack(RealEndpoint("authorizationEndpoint").AbsolutePath, request =>
    {
        LastNonce = request.Query!.TryGetValue("nonce", out var nonce) ? nonce.ToString() : null;
        return _upstream.CallbackQuery;
    });

    /// <summary>The recorded token answer, byte for byte with its content type; for an OpenID preset with a freshly signed ID token.</summary>
    public void AnswersToken()
    {
        if (_issuer is null)
        {
            AnswersToken(200, TokenContentType, TokenBody);
            return;
        }

        _upstream.On("POST", TokenEndpoint.AbsolutePath, WireMock.ResponseBuilders.Response.Create().WithCallback(_ =>
        {
            var body = JsonNode.Parse(TokenBody)!.AsObject();
            body["id_token"] = _issuer.IssueRecorded(Recorded["idTokenClaims"]!.AsObject(), ClientId, LastNonce ?? "", TimeProvider.System.GetUtcNow());
            return WireRequests.Message(200, TokenContentType, body.ToJsonString());
        }));
    }

    /// <summary>
    /// The raw profile a sign-in stores: the userinfo answer, or for an OpenID preset the verified ID token's claims
    /// (without the nonce and token hashes) with the userinfo answer on top.
    /// </summary>
    public bool IsStoredRawProfile(JsonObject raw)
    {
        if (_issuer is null)
        {
            return JsonNode.DeepEquals(UserInfoResponse, raw);
        }

        var userInfoOnTop = UserInfoResponse.AsObject().All(member => JsonNode.DeepEquals(member.Value, raw[member.Key]));
        var claimsBelow = Recorded["idTokenClaims"]!.AsObject()
            .Where(claim => claim.Key is not ("at_hash" or "c_hash") && UserInfoResponse[claim.Key] is null)
            .All(claim => JsonNode.DeepEquals(JsonNode.Parse(claim.Value!.ToJsonString().Replace("<clientId>", ClientId, StringComparison.Ordinal)), raw[claim.Key]));
        return userInfoOnTop && claimsBelow && raw["nonce"] is null && raw["at_hash"] is null;
    }

    public void AnswersToken(int status, string contentType, string body) =>
        _upstream.On("POST", TokenEndpoint.AbsolutePath, FakeProvider.Answer(status, contentType, body));

    /// <summary>The recorded userinfo answer, only at the recorded method (POST for Dropbox).</summary>
    public void AnswersUserInfo() => _upstream.On(UserInfoMethod, UserInfoEndpoint.AbsolutePath, FakeProvider.Json(UserInfoResponse.ToJsonString()));

    public void AnswersEmails(string json) => _upstream.On("GET", EmailLookupEndpoint!.AbsolutePath, FakeProvider.Json(json));

    public IReadOnlyList<ILogEntry> Requests(Uri realEndpoint) => _upstream.Requests(realEndpoint.AbsolutePath);

    public ILogEntry SingleRequest(Uri realEndpoint) => _upstream.SingleRequest(realEndpoint.AbsolutePath);

    private Uri RealEndpoint(string field) => new(Preset["config"]![field]!.GetValue<string>());

    /// <summary>The same path and query on the upstream provider.</summary>
    private string Local(Uri real) => _upstream.Url + real.PathAndQuery;

    public void Dispose() => _issuer?.Dispose();
}
