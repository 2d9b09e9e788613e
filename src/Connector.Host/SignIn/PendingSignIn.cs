namespace Connector.Host.SignIn;

/// <summary>A sign-in state row as the callback consumes it (Npgsql reads timestamptz as a UTC <see cref="DateTime"/>).</summary>
internal sealed record PendingSignIn(string ConnectorId, string? CodeVerifierProtected, string? ReturnUrl, string Purpose, DateTime ExpiresAt, byte[]? NonceHash)
{
    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now.UtcDateTime;
}
