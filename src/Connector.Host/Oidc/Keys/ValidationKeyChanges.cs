using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Validation;

namespace Connector.Host.Oidc.Keys;

/// <summary>
/// The validation options copy the server's keys when built (OpenIddict's local-server integration): when the key ring
/// changes they are built again, so a token signed or encrypted with a new key is accepted at once on every instance.
/// </summary>
internal sealed class ValidationKeyChanges(OidcKeyRing ring) : IOptionsChangeTokenSource<OpenIddictValidationOptions>
{
    public string? Name => ring.Name;

    public IChangeToken GetChangeToken() => ring.GetChangeToken();
}
