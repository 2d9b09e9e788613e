namespace Connector.OAuth2.Configuration;

/// <summary>The limits of a <see cref="SignedClientSecret"/>.</summary>
public static class SignedClientSecretRules
{
    public const string ES256 = "ES256";

    /// <summary>A secret is made for one token request, so a few minutes cover any clock difference and slow network.</summary>
    public const int DefaultLifetimeSeconds = 300;

    /// <summary>Enough for a provider's clock behind by a minute.</summary>
    public const int MinLifetimeSeconds = 60;

    /// <summary>
    /// Apple accepts up to six months (15,777,000 s), which suits secrets pasted into a config by hand. This one is made
    /// per request and goes over the wire every time, so a long life only widens what a leaked copy is worth: one hour.
    /// </summary>
    public const int MaxLifetimeSeconds = 3600;
}
