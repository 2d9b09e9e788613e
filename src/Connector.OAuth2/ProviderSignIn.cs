using Connector.OAuth2.Profiles;
using Connector.OAuth2.Tokens;

namespace Connector.OAuth2;

/// <summary>What a completed authorization-code round trip yields: the provider's tokens and the mapped profile.</summary>
public sealed record ProviderSignIn(TokenSet Tokens, UserProfile Profile);
