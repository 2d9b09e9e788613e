namespace Connector.Host.Users;

/// <summary>Audit action names of user and identity events, as Logto and the webhooks name them; stable.</summary>
internal static class UserAudit
{
    public const string Updated = "User.Updated";
    public const string Deleted = "User.Deleted";
    public const string SessionsRevoked = "User.SessionsRevoked";
    public const string IdentityLinked = "Identity.Linked";
    public const string IdentityUnlinked = "Identity.Unlinked";
}
