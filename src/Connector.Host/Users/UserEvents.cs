using Connector.Host.Events;

namespace Connector.Host.Users;

/// <summary>The events of users' changes, made from the rows the change wrote (never an identity's raw profile).</summary>
internal static class UserEvents
{
    public static DomainEvent Of(string type, DateTimeOffset at, UserRow user, string? connectorId = null) =>
        new(type, at, user.Id, About(user), connectorId);

    /// <summary>The user's erasure: only the id remains to tell.</summary>
    public static DomainEvent Deleted(DateTimeOffset at, Guid userId) => new(DomainEventTypes.UserDeleted, at, userId, User: null, ConnectorId: null);

    private static EventUser About(UserRow user) =>
        new(user.Id, user.Name, user.Avatar, user.Email, user.EmailVerified, user.Phone, user.Disabled, user.Roles, user.CreatedAt, user.UpdatedAt);
}
