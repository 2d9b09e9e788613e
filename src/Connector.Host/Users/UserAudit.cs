using Connector.Host.Events;

namespace Connector.Host.Users;

/// <summary>Audit action names of user and identity events, as Logto and the webhooks name them; stable.</summary>
internal static class UserAudit
{
    public const string Updated = DomainEventTypes.UserUpdated;
    public const string Deleted = DomainEventTypes.UserDeleted;
    public const string SessionsRevoked = "User.SessionsRevoked";
    public const string IdentityLinked = DomainEventTypes.IdentityLinked;
    public const string IdentityUnlinked = DomainEventTypes.IdentityUnlinked;

    /// <summary>What an actor that is a user starts with; the returning sign-in's statement appends the id itself.</summary>
    public const string ActorPrefix = "user:";

    /// <summary>The actor of a user's own actions: their sign-ins, and what they link by signing in.</summary>
    public static string ActorOf(Guid userId) => ActorPrefix + userId.ToString();
}
