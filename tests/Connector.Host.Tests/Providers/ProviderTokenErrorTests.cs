using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.SignIn;

namespace Connector.Host.Tests.Providers;

/// <summary>
/// Each provider refusing the code in its own format (issue 6 scope 1): the callback shows token_exchange_failed,
/// nothing is stored, and the audit event keeps the provider's words (cut at 300 characters).
/// </summary>
public sealed class ProviderTokenErrorTests : IAsyncLifetime
{
    private const string Json = "application/json";
    private const string JsonUtf8 = "application/json; charset=utf-8";

    /// <summary>Microsoft's AADSTS text with its trace and correlation ids: longer than the 300 characters kept.</summary>
    private const string MicrosoftDescription =
        "AADSTS70000: The request was denied because one or more scopes requested are unauthorized or expired. The user must " +
        "first sign in and grant the client application access to the requested scope. Trace ID: 0a1b2c3d-0000-4000-8000-000000000001 " +
        "Correlation ID: 0a1b2c3d-0000-4000-8000-000000000002 Timestamp: 2025-06-01 12:00:00Z";

    private SignInHost _host = null!;

    /// <summary>preset, HTTP status, content type, body; then the expected providerError and providerErrorDescription.</summary>
    public static TheoryData<string, int, string, string, string?, string?> Refusals => new()
    {
        {
            "github", 200, "application/x-www-form-urlencoded; charset=utf-8",
            "error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.&error_uri=https%3A%2F%2Fdocs.github.com%2Fapps%2Fmanaging-oauth-apps%2Ftroubleshooting-oauth-app-access-token-request-errors%2F%23bad-verification-code",
            "bad_verification_code", "The code passed is incorrect or expired."
        },
        { "slack", 200, JsonUtf8, """{"ok":false,"error":"invalid_code"}""", "invalid_code", null },
        { "twitch", 400, Json, """{"status":400,"message":"Invalid authorization code"}""", null, "Invalid authorization code" },
        {
            "facebook", 400, "application/json; charset=UTF-8",
            """{"error":{"message":"Invalid verification code format.","type":"OAuthException","code":100,"fbtrace_id":"AFakeTraceId"}}""",
            "OAuthException", "Invalid verification code format."
        },
        {
            "microsoft", 400, JsonUtf8,
            new JsonObject
            {
                ["error"] = "invalid_grant", ["error_description"] = MicrosoftDescription, ["error_codes"] = new JsonArray(70000),
                ["timestamp"] = "2025-06-01 12:00:00Z", ["trace_id"] = "0a1b2c3d-0000-4000-8000-000000000001",
                ["correlation_id"] = "0a1b2c3d-0000-4000-8000-000000000002", ["error_uri"] = "https://login.microsoftonline.com/error?code=70000",
            }.ToJsonString(),
            "invalid_grant", MicrosoftDescription[..300] + "…"
        },
        { "discord", 400, Json, """{"error":"invalid_grant","error_description":"Invalid \"code\" in request."}""", "invalid_grant", "Invalid \"code\" in request." },
        { "dropbox", 400, Json, """{"error":"invalid_grant","error_description":"code doesn't exist or has expired"}""", "invalid_grant", "code doesn't exist or has expired" },
        {
            "gitlab", 400, JsonUtf8,
            """{"error":"invalid_grant","error_description":"The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client."}""",
            "invalid_grant",
            "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client."
        },
        { "google", 400, JsonUtf8, """{"error":"invalid_grant","error_description":"Bad Request"}""", "invalid_grant", "Bad Request" },
        { "huggingface", 400, Json, """{"error":"invalid_grant","error_description":"Invalid or expired authorization code"}""", "invalid_grant", "Invalid or expired authorization code" },
        {
            "linkedin", 400, Json,
            """{"error":"invalid_grant","error_description":"Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired."}""",
            "invalid_grant", "Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired."
        },
        { "spotify", 400, Json, """{"error":"invalid_grant","error_description":"Invalid authorization code"}""", "invalid_grant", "Invalid authorization code" },
    };

    public async ValueTask InitializeAsync() => _host = await SignInHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Callback_WhenTheProviderRefusesTheCode_ShowsTokenExchangeFailedAndAuditsTheProvidersWords(
        string preset, int status, string contentType, string body, string? providerError, string? providerErrorDescription)
    {
        using var provider = RecordedProvider.Load(preset, _host.Upstream);
        await provider.CreateConnectorAsync(_host.Admin);
        provider.RedirectsBackWithACode();
        provider.AnswersToken(status, contentType, body);
        using var browser = _host.NewBrowser();

        using var response = await browser.SignInAsync(preset);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<code>token_exchange_failed</code>", html, StringComparison.Ordinal);
        Assert.Single(provider.Requests(provider.TokenEndpoint));
        Assert.Empty(provider.Requests(provider.UserInfoEndpoint));
        Assert.Equal(0, await _host.CountAsync("users"));
        Assert.Equal(0, await _host.CountAsync("user_identities"));
        Assert.Equal(["token_exchange_failed"], await _host.AuditOutcomesAsync());
        var details = await _host.SignInAuditDetailsAsync("token_exchange_failed");
        Assert.NotNull(details);
        Assert.Equal(providerError, details["providerError"]?.GetValue<string>());
        Assert.Equal(providerErrorDescription, details["providerErrorDescription"]?.GetValue<string>());
        Assert.Equal(status, details["providerStatus"]?.GetValue<int>());
    }

    [Fact]
    public async Task Callback_WhenMicrosoftRefusesWithALongAadstsText_KeepsThe300FirstCharactersAndAnEllipsis()
    {
        using var provider = RecordedProvider.Load("microsoft", _host.Upstream);
        await provider.CreateConnectorAsync(_host.Admin);
        provider.RedirectsBackWithACode();
        provider.AnswersToken(400, JsonUtf8, $$"""{"error":"invalid_grant","error_description":"{{MicrosoftDescription}}","error_codes":[70000]}""");
        using var browser = _host.NewBrowser();

        using var response = await browser.SignInAsync("microsoft");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var kept = (await _host.SignInAuditDetailsAsync("token_exchange_failed"))!["providerErrorDescription"]!.GetValue<string>();
        Assert.True(MicrosoftDescription.Length > 300, "the sample must be longer than what is kept");
        Assert.Equal(301, kept.Length);
        Assert.StartsWith("AADSTS70000: The request was denied", kept, StringComparison.Ordinal);
        Assert.EndsWith("…", kept, StringComparison.Ordinal);
        Assert.DoesNotContain("Timestamp: 2025-06-01 12:00:00Z", kept, StringComparison.Ordinal);
    }
}
