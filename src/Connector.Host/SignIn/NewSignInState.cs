namespace Connector.Host.SignIn;

/// <summary>A sign-in state to store; <see cref="NonceHash"/> is the OpenID Connect nonce's digest when the connector verifies ID tokens.</summary>
internal sealed record NewSignInState(
    byte[] StateHash,
    string ConnectorId,
    byte[] BindingHash,
    string? CodeVerifierProtected,
    string? ReturnUrl,
    string Purpose,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    byte[]? NonceHash = null);
