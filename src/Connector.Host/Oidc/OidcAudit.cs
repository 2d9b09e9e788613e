namespace Connector.Host.Oidc;

/// <summary>Audit action names of the issuer's admin changes (apps and signing keys); stable, shown by <c>GET /api/audit</c>.</summary>
internal static class OidcAudit
{
    public const string AppCreated = "app.created";
    public const string AppUpdated = "app.updated";
    public const string AppDeleted = "app.deleted";
    public const string AppSecretRotated = "app.secret_rotated";
    public const string KeyCreated = "oidc_key.created";
    public const string KeyRetired = "oidc_key.retired";
}
