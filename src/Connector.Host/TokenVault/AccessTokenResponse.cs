namespace Connector.Host.TokenVault;

/// <summary>The vault's answer: the provider's access token, when it expires (null: the provider did not say) and its scope.</summary>
internal sealed record AccessTokenResponse(string AccessToken, DateTimeOffset? ExpiresAt, string? Scope)
{
    // The token never reaches a log through a record's generated ToString.
    public override string ToString() => $"AccessTokenResponse {{ ExpiresAt = {ExpiresAt}, Scope = {Scope} }}";
}
