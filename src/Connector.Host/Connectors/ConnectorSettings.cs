namespace Connector.Host.Connectors;

/// <summary>
/// What a connector's sign-ins may do besides proving who someone is (Logto's and Keycloak's switches): keep the
/// user's profile current, vouch for emails, join an existing account, create accounts at all, and from which
/// email domains. Stored in <c>connectors.settings</c>; every field has the safe default.
/// </summary>
public sealed record ConnectorSettings
{
    /// <summary>Logto's name. False: the user's profile is taken at the first sign-in only; true: refreshed at every sign-in.</summary>
    public bool SyncProfile { get; init; }

    /// <summary>This provider's emails count as verified even when it does not say so.</summary>
    public bool TrustEmail { get; init; }

    /// <summary><see cref="AccountLinkingModes.None"/> or <see cref="AccountLinkingModes.VerifiedEmail"/>.</summary>
    public string AccountLinking { get; init; } = AccountLinkingModes.None;

    /// <summary>False: only subjects this connector already knows may sign in (invite-only).</summary>
    public bool AllowSignUp { get; init; } = true;

    /// <summary>Empty: any. Otherwise a sign-in needs a verified email in one of these domains.</summary>
    public IReadOnlyList<string> AllowedEmailDomains { get; init; } = [];

    /// <summary>Logto's name: keep the provider's tokens, encrypted, for the token-vault routes.</summary>
    public bool EnableTokenStorage { get; init; }

    /// <summary>The email counts as verified: the provider said so, or the operator trusts this provider's emails.</summary>
    public bool VouchesFor(string? email, bool? emailVerified) => !string.IsNullOrEmpty(email) && (emailVerified == true || TrustEmail);

    /// <summary>Whether a sign-in with this email may pass the domain rule (a verified address in a listed domain).</summary>
    public bool AllowsDomainOf(string? email, bool? emailVerified)
    {
        if (AllowedEmailDomains.Count == 0)
        {
            return true;
        }

        var at = email?.LastIndexOf('@') ?? -1;
        return VouchesFor(email, emailVerified) && at > 0
            && AllowedEmailDomains.Contains(email![(at + 1)..], StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>How a first sign-in may join an account that already exists.</summary>
public static class AccountLinkingModes
{
    /// <summary>Never: every new (connector, subject) is a new user.</summary>
    public const string None = "none";

    /// <summary>Join the user whose verified email is the same, when this sign-in's email is verified or trusted.</summary>
    public const string VerifiedEmail = "verifiedEmail";

    public static readonly string[] All = [None, VerifiedEmail];
}
