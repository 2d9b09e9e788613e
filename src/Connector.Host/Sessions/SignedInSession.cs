using Connector.Host.Users;

namespace Connector.Host.Sessions;

/// <summary>A session that passed every check just now, with the user as the database has them.</summary>
internal sealed record SignedInSession(string SessionId, UserRow User, string ConnectorId, Guid ConnectorGeneration, DateTimeOffset AuthTime, int Epoch);
