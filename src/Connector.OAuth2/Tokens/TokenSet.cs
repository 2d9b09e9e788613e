namespace Connector.OAuth2.Tokens;

/// <summary>A successful token answer (RFC 6749 §5.1). <see cref="TokenType"/> is <c>Bearer</c> when the provider omitted it.</summary>
public sealed record TokenSet(
    string AccessToken,
    string TokenType,
    long? ExpiresIn,
    string? RefreshToken,
    string? Scope,
    string? IdToken)
{
    // Tokens never reach logs, not even through a record's generated ToString.
    public override string ToString() => $"TokenSet {{ TokenType = {TokenType}, ExpiresIn = {ExpiresIn}, Scope = {Scope} }}";
}
