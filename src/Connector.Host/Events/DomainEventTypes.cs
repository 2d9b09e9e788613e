namespace Connector.Host.Events;

/// <summary>
/// The names of the events a change can raise, as Logto names its webhook events (and as the audit trail names the
/// same changes); stable, since receivers and webhook subscriptions match on them.
/// </summary>
internal static class DomainEventTypes
{
    public const string UserCreated = "User.Created";
    public const string UserUpdated = "User.Updated";
    public const string UserDeleted = "User.Deleted";
    public const string PostSignIn = "PostSignIn";
    public const string IdentityLinked = "Identity.Linked";
    public const string IdentityUnlinked = "Identity.Unlinked";

    /// <summary>Every event type, in the order the documentation lists them.</summary>
    public static readonly IReadOnlyList<string> All = [UserCreated, UserUpdated, UserDeleted, PostSignIn, IdentityLinked, IdentityUnlinked];
}
