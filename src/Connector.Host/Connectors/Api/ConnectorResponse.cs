using System.Text.Json.Nodes;

namespace Connector.Host.Connectors.Api;

/// <summary>
/// A connector as the admin API shows it: <c>config</c> never holds the secret, only <c>hasClientSecret</c>; the
/// settings (<see cref="ConnectorSettings"/>) are fields of the connector itself, as Logto's <c>syncProfile</c> is.
/// </summary>
internal sealed record ConnectorResponse(
    string Id,
    string Name,
    string? LogoUrl,
    bool Enabled,
    JsonObject Config,
    bool SyncProfile,
    bool TrustEmail,
    string AccountLinking,
    bool AllowSignUp,
    IReadOnlyList<string> AllowedEmailDomains,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static ConnectorResponse From(ConnectorRow row)
    {
        var settings = ConnectorDocuments.ToSettings(row.Settings);
        return new(row.Id, row.Name, row.LogoUrl, row.Enabled, ConnectorDocuments.ApiConfig(row), settings.SyncProfile, settings.TrustEmail,
            settings.AccountLinking, settings.AllowSignUp, settings.AllowedEmailDomains, row.CreatedAt, row.UpdatedAt);
    }
}
