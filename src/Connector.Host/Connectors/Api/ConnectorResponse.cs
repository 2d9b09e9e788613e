using System.Text.Json.Nodes;
using Connector.Host.Configuration;

namespace Connector.Host.Connectors.Api;

/// <summary>
/// A connector as the admin API shows it: <c>config</c> never holds the secret, only <c>hasClientSecret</c>; the
/// settings (<see cref="ConnectorSettings"/>) are fields of the connector itself, as Logto's <c>syncProfile</c> is;
/// <see cref="CallbackUri"/> is the redirect URI to register at the provider.
/// </summary>
internal sealed record ConnectorResponse(
    string Id,
    string Name,
    string? LogoUrl,
    string? LogoDarkUrl,
    IReadOnlyDictionary<string, string> DisplayNames,
    bool Enabled,
    JsonObject Config,
    bool SyncProfile,
    bool TrustEmail,
    string AccountLinking,
    bool AllowSignUp,
    IReadOnlyList<string> AllowedEmailDomains,
    bool EnableTokenStorage,
    string CallbackUri,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static ConnectorResponse From(ConnectorRow row, string publicOrigin)
    {
        var settings = ConnectorDocuments.ToSettings(row.Settings);
        return new(row.Id, row.Name, row.LogoUrl, row.LogoDarkUrl, ConnectorDocuments.ToDisplayNames(row.DisplayNames), row.Enabled,
            ConnectorDocuments.ApiConfig(row), settings.SyncProfile, settings.TrustEmail, settings.AccountLinking, settings.AllowSignUp,
            settings.AllowedEmailDomains, settings.EnableTokenStorage, PublicUrls.Callback(publicOrigin, row.Id), row.CreatedAt, row.UpdatedAt);
    }
}
