using System.Security.Cryptography;
using System.Text;
using Connector.Host.Oidc.Keys;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Connector.Host.Oidc.Handlers;

/// <summary>
/// OpenIddict computes <c>at_hash</c>/<c>c_hash</c> with the hash of the first signing key (SHA-384 for
/// ES384). For an app whose ID tokens are RS256 the hash must be SHA-256 (OIDC Core §3.1.3.6, §3.3.2.11:
/// the left half of the hash of the ID token's own <c>alg</c>), so it is recomputed here.
/// </summary>
internal sealed class HashTokensForIdTokenAlgorithm(IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
        .AddFilter<OpenIddictServerHandlerFilters.RequireIdentityTokenGenerated>()
        .UseScopedHandler<HashTokensForIdTokenAlgorithm>()
        .SetOrder(OpenIddictServerHandlers.AttachTokenDigests.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.IdentityTokenPrincipal is not { } principal
            || await OidcAppProperties.IdTokenAlgorithmAsync(applications, context.ClientId, context.CancellationToken) != OidcKeyAlgorithms.Rs256)
        {
            return;
        }

        if (!string.IsNullOrEmpty(context.AccessToken))
        {
            principal.SetClaim(OpenIddictConstants.Claims.AccessTokenHash, LeftHalfSha256(context.AccessToken));
        }

        if (!string.IsNullOrEmpty(context.AuthorizationCode))
        {
            principal.SetClaim(OpenIddictConstants.Claims.CodeHash, LeftHalfSha256(context.AuthorizationCode));
        }
    }

    private static string LeftHalfSha256(string token)
    {
        var digest = SHA256.HashData(Encoding.ASCII.GetBytes(token));
        return Base64UrlEncoder.Encode(digest, 0, digest.Length / 2);
    }
}
