using Connector.Host.Oidc.Keys;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Connector.Host.Oidc.Handlers;

/// <summary>
/// Chooses the keys for each token explicitly rather than by list order: an ID token is signed with the
/// current key of its app's <c>id_token_signed_response_alg</c> (ES384 unless the app asked for RS256),
/// every other token with the current ES384 key, and encrypted tokens with the current AES key.
/// </summary>
internal sealed class SelectKeysForToken(OidcKeyRing keys, IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
        .UseScopedHandler<SelectKeysForToken>()
        .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(GenerateTokenContext context)
    {
        var set = keys.Current;
        if (context.TokenType == OpenIddictConstants.TokenTypeIdentifiers.IdentityToken)
        {
            var algorithm = await OidcAppProperties.IdTokenAlgorithmAsync(applications, context.ClientId, context.CancellationToken);
            context.SigningCredentials = set.For(algorithm);
            return;
        }

        context.SigningCredentials = set.For(OidcKeyAlgorithms.Es384);
        if (context.EncryptionCredentials is not null)
        {
            context.EncryptionCredentials = set.Encryption[0];
        }
    }
}
