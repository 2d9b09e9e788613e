namespace Connector.Host.Events;

/// <summary>
/// Something that happened to a user, raised by the change itself, inside its transaction: it exists exactly when the
/// change was committed.
/// </summary>
/// <param name="Type">One of <see cref="DomainEventTypes"/>.</param>
/// <param name="CreatedAt">When the change happened (the change's own clock reading).</param>
/// <param name="User">The user after the change; null when the user is gone (<c>User.Deleted</c>).</param>
/// <param name="ConnectorId">The connector a sign-in, link or unlink went through; null for other changes.</param>
internal sealed record DomainEvent(string Type, DateTimeOffset CreatedAt, Guid UserId, EventUser? User, string? ConnectorId);
