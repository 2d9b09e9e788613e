using Connector.Host.Audit;

namespace Connector.Host.Users;

/// <summary>
/// What a successful sign-in records, as the sign-in's feature words it: <see cref="Of"/> by how it resolved, and
/// <see cref="Returning"/>, a returning user's entry before the user is known, which the statement that finds the user
/// writes with that user as its actor (<see cref="UserAudit.ActorOf"/>; the entry's own actor is not used).
/// </summary>
internal sealed record SignInAuditing(Func<SignInResolution.Resolved, IEnumerable<AuditEntry>> Of, AuditEntry Returning);
