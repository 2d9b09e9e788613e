using Connector.OAuth2.Tokens;

namespace Connector.Host.Users;

/// <summary>A sign-in through an identity whose connector keeps tokens: which identity, of which connector as it is now, with what tokens.</summary>
internal sealed record IdentitySignedIn(long IdentityId, string ConnectorId, Guid Generation, TokenSet Tokens, DateTimeOffset At);
