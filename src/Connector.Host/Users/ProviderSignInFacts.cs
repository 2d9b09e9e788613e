using Connector.Host.Connectors;
using Connector.OAuth2.Profiles;
using Connector.OAuth2.Tokens;

namespace Connector.Host.Users;

/// <summary>
/// What a sign-in brings: the connector it came through (at its generation, with its settings), the profile, and the
/// provider's tokens (kept only when the connector has <see cref="ConnectorSettings.EnableTokenStorage"/>).
/// </summary>
internal sealed record ProviderSignInFacts(string ConnectorId, Guid Generation, ConnectorSettings Settings, UserProfile Profile, TokenSet? Tokens = null)
{
    /// <summary>The profile's email counts as verified (the provider said so, or the connector is trusted).</summary>
    public bool EmailVouched => Settings.VouchesFor(Profile.Email, Profile.EmailVerified);

    /// <summary>What the user's own <c>email_verified</c> becomes from this sign-in.</summary>
    public bool? EmailVerified => EmailVouched ? true : Profile.EmailVerified;
}
