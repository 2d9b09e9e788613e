namespace Connector.Host.Admin.Apps;

/// <summary>Audit action names and codes of the apps API; stable, shown by <c>GET /api/audit</c> and in problems.</summary>
internal static class AppAudit
{
    public const string Created = "app.created";
    public const string Updated = "app.updated";
    public const string Deleted = "app.deleted";
    public const string SecretRotated = "app.secret_rotated";
    public const string KeyRotated = "oidc_key.created";
    public const string KeyRetired = "oidc_key.retired";

    /// <summary>Problem code of <c>404</c> answers for an unknown app id.</summary>
    public const string AppNotFound = "app_not_found";

    /// <summary>Field code of a URI listed twice.</summary>
    public const string DuplicateCode = "duplicate";
}
