using System.Text.Json;
using Connector.Host.Audit;
using Connector.Host.Connectors;
using Connector.Host.Pages;
using Connector.Host.SignIn.Pages;
using Connector.OAuth2;
using Connector.OAuth2.Diagnostics;
using Connector.OAuth2.Profiles;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tokens;

namespace Connector.Host.SignIn;

/// <summary>
/// The callback of an admin's dry run (<c>POST /api/connectors/{id}/test</c>): the engine's own sign-in pipeline,
/// traced, so the page shows exactly what a real sign-in would store — the raw userinfo even when mapping fails,
/// the looked-up email when there is one. Creates no user and no session; tokens are never shown.
/// </summary>
internal sealed class DryRunPage(OAuth2Connector engine, AuditStore audit, TimeProvider time)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <param name="back">The path the page links back to (where the dry run was started), or null.</param>
    public async Task<IResult> RenderAsync(
        LoadedConnector connector, CodeExchange exchange, ProviderCalls calls, string? back, CancellationToken ct)
    {
        var trace = await engine.TraceSignInAsync(connector.Config, exchange, calls, ct);
        var error = trace.Error;
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), AuditOutcomes.Anonymous, SignInAudit.TestAction, connector.Id,
            error?.Code ?? AuditOutcomes.Success, null), ct);
        return HtmlPages.Page<TestResultPage>(new Dictionary<string, object?>
        {
            [nameof(TestResultPage.ConnectorId)] = connector.Id,
            [nameof(TestResultPage.Back)] = back,
            [nameof(TestResultPage.Code)] = error?.Code,
            [nameof(TestResultPage.Message)] = error is null ? null : Describe(error),
            [nameof(TestResultPage.Tokens)] = trace.Tokens,
            [nameof(TestResultPage.RawUserInfo)] = trace.UserInfo is { } raw ? JsonSerializer.Serialize(raw, Indented) : null,
            [nameof(TestResultPage.EmailLookup)] = trace.EmailLookup,
            [nameof(TestResultPage.Profile)] = trace.Profile is { } profile ? Fields(profile) : null,
        });
    }

    /// <summary>
    /// The provider sent the browser back with <c>error=</c> instead of a code (RFC 6749 §4.1.2.1): the operator sees
    /// its words here, where a user's sign-in shows only the code.
    /// </summary>
    public async Task<IResult> RenderRefusalAsync(string connectorId, ConnectorError said, string? back, CancellationToken ct)
    {
        await audit.AppendAsync(SignInAudit.Failed(time.GetUtcNow(), connectorId, SignInPurpose.Test, said.Code, said, calls: []), ct);
        var words = string.Join(": ", new[] { said.ProviderError, said.ProviderErrorDescription }.Where(part => part is not null));
        return HtmlPages.Page<TestResultPage>(new Dictionary<string, object?>
        {
            [nameof(TestResultPage.ConnectorId)] = connectorId,
            [nameof(TestResultPage.Back)] = back,
            [nameof(TestResultPage.Code)] = said.Code,
            [nameof(TestResultPage.Message)] = words.Length == 0
                ? "The provider sent the browser back without a code and without an error."
                : $"The provider sent the browser back with error={words}",
        });
    }

    /// <summary>For the admin, the exact error including what the provider said (its error code and text, already truncated).</summary>
    private static string Describe(ConnectorError error) =>
        error.ProviderStatus is { } status ? $"{error.Message} (HTTP {status})" : error.Message;

    private static List<KeyValuePair<string, string?>> Fields(UserProfile profile) =>
    [
        new("id", profile.Id),
        new("name", profile.Name),
        new("avatar", profile.Avatar),
        new("email", profile.Email),
        new("emailVerified", profile.EmailVerified?.ToString().ToLowerInvariant()),
        new("phone", profile.Phone),
    ];
}
