using System.Text.Json.Serialization;

namespace Connector.Host.Oidc.Apps;

/// <summary>
/// An app as the admin API shows it. <see cref="ClientSecret"/> is set only in the answer that created it (or
/// rotated it), and never for public apps. <see cref="Issuer"/> and <see cref="OpenidConfiguration"/> are what
/// Logto's console calls the "Issuer endpoint" and the "OpenID Provider configuration endpoint".
/// </summary>
internal sealed record AppResponse(
    Guid Id,
    string ClientId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClientSecret,
    string Name,
    string Type,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    IReadOnlyList<string> CorsOrigins,
    bool RequirePkce,
    IReadOnlyList<string> Connectors,
    string IdTokenSignedResponseAlg,
    string Issuer,
    string OpenidConfiguration,
    DateTime CreatedAt,
    DateTime UpdatedAt);
