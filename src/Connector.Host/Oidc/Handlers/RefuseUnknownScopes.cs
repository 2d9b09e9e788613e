using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Connector.Host.Oidc.Handlers;

/// <summary>
/// The issuer's scopes are registered in code and none is stored, so OpenIddict's store-backed scope validation is
/// off; this handler keeps its answer: a scope the server does not know is <c>invalid_scope</c> (RFC 6749 §4.1.2.1).
/// </summary>
internal sealed class RefuseUnknownScopes : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
        .UseSingletonHandler<RefuseUnknownScopes>()
        .SetOrder(OpenIddictServerHandlers.Authentication.ValidateScopes.Descriptor.Order)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        var unknown = context.Request.GetScopes().Where(scope => !context.Options.Scopes.Contains(scope)).ToList();
        if (unknown.Count > 0)
        {
            context.Reject(Errors.InvalidScope, $"The server does not know the scope(s) {string.Join(", ", unknown)}.");
        }

        return default;
    }
}
