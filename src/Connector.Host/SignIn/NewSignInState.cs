namespace Connector.Host.SignIn;

/// <summary>A sign-in state to store.</summary>
internal sealed record NewSignInState(
    byte[] StateHash,
    string ConnectorId,
    byte[] BindingHash,
    string? CodeVerifierProtected,
    string? ReturnUrl,
    string Purpose,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);
