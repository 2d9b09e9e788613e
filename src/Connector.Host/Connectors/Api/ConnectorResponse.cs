using System.Text.Json.Nodes;

namespace Connector.Host.Connectors.Api;

/// <summary>A connector as the admin API shows it: <c>config</c> never holds the secret, only <c>hasClientSecret</c>.</summary>
internal sealed record ConnectorResponse(
    string Id,
    string Name,
    string? LogoUrl,
    bool Enabled,
    JsonObject Config,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static ConnectorResponse From(ConnectorRow row) =>
        new(row.Id, row.Name, row.LogoUrl, row.Enabled, ConnectorDocuments.ApiConfig(row), row.CreatedAt, row.UpdatedAt);
}
