namespace Connector.OAuth2.Tokens;

/// <summary>The RFC 6749 §4.1.3 token request inputs the caller holds: the code and what the authorization request used.</summary>
public sealed record CodeExchange(string Code, string RedirectUri, string? CodeVerifier = null);
