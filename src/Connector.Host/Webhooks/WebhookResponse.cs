using System.Text.Json.Serialization;

namespace Connector.Host.Webhooks;

/// <summary>A webhook as the admin API shows it; <see cref="SigningKey"/> only in the answer that created it.</summary>
internal sealed record WebhookResponse(
    Guid Id,
    string Url,
    IReadOnlyList<string> Events,
    bool Enabled,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SigningKey,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static WebhookResponse From(WebhookRow row, string? signingKey = null) =>
        new(row.Id, row.Url, row.Events, row.Enabled, signingKey, row.CreatedAt, row.UpdatedAt);
}
