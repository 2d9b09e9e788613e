using Connector.Host.Pages;
using Connector.Host.SignIn.Pages;

namespace Connector.Host.SignIn;

/// <summary>
/// The answer to a form_post callback that came without the browser-binding cookie. The provider's page POSTs to us
/// across sites, and a SameSite=Lax cookie is not sent with a cross-site POST (RFC 6265bis, SameSite "Lax" enforcement), so the binding
/// cannot be checked yet. This same-origin page posts the same fields again to the same callback; that POST is
/// same-site, so the cookie comes with it, and every state check then runs as usual. The re-post is marked
/// (<see cref="CallbackFields.RelayedField"/>), so it happens once: a second POST without the cookie is refused.
/// The state is not consumed until then. Nothing posted is shown; the fields are written back as escaped attributes.
/// </summary>
internal static class FormPostRelay
{
    public static IResult Show(string connectorId, CallbackFields fields)
    {
        var posted = new List<KeyValuePair<string, string>>
        {
            new("state", fields.State),
            new(CallbackFields.RelayedField, "1"),
        };
        Add(posted, "code", fields.Code);
        Add(posted, "error", fields.Error);
        Add(posted, "error_description", fields.ErrorDescription);
        Add(posted, "user", fields.User);
        return HtmlPages.Relay<FormPostRelayPage>(new Dictionary<string, object?>
        {
            [nameof(FormPostRelayPage.Action)] = $"{SignInPaths.CallbackPrefix}/{Uri.EscapeDataString(connectorId)}",
            [nameof(FormPostRelayPage.Fields)] = posted,
        });
    }

    private static void Add(List<KeyValuePair<string, string>> posted, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            posted.Add(new(name, value));
        }
    }
}
