using System.Text.Json;
using Connector.Host.Connectors;
using Connector.Host.Persistence;
using Connector.Host.SignIn.Pages;
using Connector.OAuth2;
using Connector.OAuth2.Profiles;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tokens;

namespace Connector.Host.SignIn;

/// <summary>
/// The callback of an admin's dry run (<c>POST /api/connectors/{id}/test</c>): each engine step alone, so the
/// raw userinfo is shown even when mapping fails. Creates no user and no session; tokens are never shown.
/// </summary>
internal sealed class DryRunPage(OAuth2Connector engine, AuditStore audit, TimeProvider time)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task<IResult> RenderAsync(LoadedConnector connector, CodeExchange exchange, CancellationToken ct)
    {
        var tokens = await engine.ExchangeCodeAsync(connector.Config, exchange, ct);
        if (tokens.IsError)
        {
            return await PageAsync(connector.Id, tokens.Error, rawUserInfo: null, profile: null, ct);
        }

        var userInfo = await engine.GetUserInfoAsync(connector.Config, tokens.Value, ct);
        if (userInfo.IsError)
        {
            return await PageAsync(connector.Id, userInfo.Error, rawUserInfo: null, profile: null, ct);
        }

        var raw = JsonSerializer.Serialize(userInfo.Value, Indented);
        var profile = ProfileMapper.Map(connector.Config.ProfileMap, userInfo.Value);
        return await PageAsync(connector.Id, profile.Error, raw, profile.IsError ? null : profile.Value, ct);
    }

    private async Task<IResult> PageAsync(string connectorId, ConnectorError? error, string? rawUserInfo, UserProfile? profile, CancellationToken ct)
    {
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), SignInAudit.Anonymous, SignInAudit.TestAction, connectorId,
            error?.Code ?? SignInAudit.Success, null), ct);
        return SignInPages.Page<TestResultPage>(new Dictionary<string, object?>
        {
            [nameof(TestResultPage.ConnectorId)] = connectorId,
            [nameof(TestResultPage.Code)] = error?.Code,
            [nameof(TestResultPage.Message)] = error is null ? null : Describe(error),
            [nameof(TestResultPage.RawUserInfo)] = rawUserInfo,
            [nameof(TestResultPage.Profile)] = profile is null ? null : Fields(profile),
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
