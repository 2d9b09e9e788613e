using System.Text.Json.Nodes;

namespace Connector.Host.Users;

/// <summary>A provider account linked to a user: the normalized profile and the provider's raw userinfo.</summary>
internal sealed record IdentityResponse(
    string ConnectorId,
    string Subject,
    JsonNode? Profile,
    JsonNode? RawProfile,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static IdentityResponse From(IdentityRow row) =>
        new(row.ConnectorId, row.Subject, JsonNode.Parse(row.Profile), JsonNode.Parse(row.RawProfile), row.CreatedAt, row.UpdatedAt);
}
