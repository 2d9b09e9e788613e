using System.Text.Json;

namespace Connector.OAuth2.Tokens;

/// <summary>The RFC 6749 §4.1.3 token request inputs the caller holds: the code and what the authorization request used.</summary>
/// <param name="NonceDigest">The <see cref="Authorization.OidcNonce.Digest"/> of the nonce sent, which the ID token must carry back.</param>
/// <param name="PostedUser">A form_post callback's <c>user</c> object (<see cref="Profiles.PostedUser"/>), offered to the profile map.</param>
public sealed record CodeExchange(string Code, string RedirectUri, string? CodeVerifier = null, byte[]? NonceDigest = null, JsonElement? PostedUser = null);
