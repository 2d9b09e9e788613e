using System.Text.Json.Serialization;

namespace Connector.Host.Admin.Apps;

/// <summary>An app as the admin API shows it. <see cref="ClientSecret"/> is set only in the answer that created it.</summary>
internal sealed record AppResponse(
    Guid Id,
    string ClientId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClientSecret,
    string Name,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    string IdTokenSignedResponseAlg,
    DateTime CreatedAt,
    DateTime UpdatedAt);
