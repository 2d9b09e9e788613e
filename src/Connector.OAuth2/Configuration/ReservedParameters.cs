namespace Connector.OAuth2.Configuration;

/// <summary>
/// Protocol parameters the engine sets itself. A custom parameter with one of these names could
/// replace the state, the redirect URI or the client credentials, so it is refused (<c>docs/admin-api.md</c>, customConfig).
/// </summary>
public static class ReservedParameters
{
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "client_id", "client_secret", "redirect_uri", "response_type", "grant_type", "state", "code",
        "code_challenge", "code_challenge_method", "code_verifier", "client_assertion", "client_assertion_type",
        "nonce", // OpenID Connect Core 1.0 §3.1.2.1: a fixed nonce would defeat its replay check
        "response_mode", // set from responseMode: a second one would make the callback arrive in a shape the host refuses
    };
}
