namespace Connector.Host.Oidc.Apps;

/// <summary>An app that passed every check and may be stored.</summary>
internal sealed record AppDraft(
    string Name,
    string Type,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    IReadOnlyList<string> CorsOrigins,
    bool RequirePkce,
    IReadOnlyList<string> Connectors,
    string IdTokenSignedResponseAlg);
