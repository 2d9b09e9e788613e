namespace Connector.Host.TokenVault;

/// <summary>What asking the vault for an identity's access token came to, for the admin route and the app's route alike.</summary>
internal abstract record VaultOutcome
{
    public sealed record Token(AccessTokenResponse Answer) : VaultOutcome;

    public sealed record UserNotFound : VaultOutcome;

    /// <summary>The user has no identity from the connector as it is now (or the connector does not exist).</summary>
    public sealed record IdentityNotFound(string ConnectorId) : VaultOutcome;

    /// <summary>The connector does not keep tokens (<c>enableTokenStorage</c> is off).</summary>
    public sealed record StorageDisabled(string ConnectorId) : VaultOutcome;

    /// <summary>No valid access token can be had: see <see cref="UnavailableReasons"/>; the provider's own words when it refused.</summary>
    public sealed record Unavailable(string Reason, string Detail, string? ProviderError = null, string? ProviderErrorDescription = null) : VaultOutcome;
}

/// <summary>Why <c>upstream_token_unavailable</c>, as the answer's <c>reason</c> says it; stable.</summary>
internal static class UnavailableReasons
{
    /// <summary>Nothing stored: the identity signed in before the connector kept tokens. A new sign-in stores them.</summary>
    public const string NotStored = "not_stored";

    /// <summary>The access token expired and the provider gave no refresh token (or a refusal ended it).</summary>
    public const string NoRefreshToken = "no_refresh_token";

    /// <summary>The provider refused the refresh (<c>providerError</c> says how, e.g. <c>invalid_grant</c>).</summary>
    public const string RefreshRefused = "refresh_refused";

    /// <summary>The provider could not be reached, answered too late or answered nonsense.</summary>
    public const string ProviderUnreachable = "provider_unreachable";

    /// <summary>Another refresh of the same identity held the lock longer than the wait allows.</summary>
    public const string RefreshBusy = "refresh_busy";
}
