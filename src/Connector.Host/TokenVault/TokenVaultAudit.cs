namespace Connector.Host.TokenVault;

/// <summary>Audit action names of the vault; stable, shown by <c>GET /api/audit</c>. Details name the connector, never a token.</summary>
internal static class TokenVaultAudit
{
    /// <summary>An access token handed out, from the store as it was.</summary>
    public const string TokenRead = "identity_token.read";

    /// <summary>A refresh at the provider, successful or not; a success also hands the new token out.</summary>
    public const string TokenRefreshed = "identity_token.refreshed";
}
