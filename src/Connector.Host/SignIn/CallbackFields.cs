using Connector.OAuth2.Configuration;
using Microsoft.AspNetCore.Http.Features;

namespace Connector.Host.SignIn;

/// <summary>
/// The authorization response's fields as they arrived (RFC 6749 §4.1.2 and §4.1.2.1): in the query of a redirect, or, for
/// a form_post connector, in the <c>application/x-www-form-urlencoded</c> body of a POST (OAuth 2.0 Form Post Response
/// Mode §2), with Sign in with Apple's <c>user</c>. Absent fields are empty strings.
/// </summary>
/// <param name="Relayed">Set by this service's own relay page (<see cref="FormPostRelay"/>): the POST is its second and last try.</param>
internal sealed record CallbackFields(string ResponseMode, string State, string Code, string Error, string ErrorDescription, string? User, bool Relayed)
{
    /// <summary>The hidden field the relay page adds to what it posts again.</summary>
    public const string RelayedField = "connectors_relayed";

    /// <summary>
    /// A form_post body is a code, a state and Apple's small <c>user</c> object: 16 KiB is generous, and a larger body is
    /// refused before it is read (the callback is anyone's to send).
    /// </summary>
    public const long MaxFormBytes = 16 * 1024;

    private static readonly FormOptions Limits = new()
    {
        BufferBody = false,
        ValueCountLimit = 16,
        KeyLengthLimit = 64,
        ValueLengthLimit = (int)MaxFormBytes,
        MultipartBodyLengthLimit = MaxFormBytes,
    };

    public static CallbackFields FromQuery(IQueryCollection query) =>
        new(ResponseModes.Query, query["state"].ToString(), query["code"].ToString(), query["error"].ToString(),
            query["error_description"].ToString(), User: null, Relayed: false);

    /// <summary>The POSTed fields; null when the body is too large or not a readable form.</summary>
    public static async Task<CallbackFields?> FromFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType || request.ContentLength > MaxFormBytes)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxFormBytes; // an undeclared (chunked) body stops at the limit too
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(Limits, ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }

        return new(ResponseModes.FormPost, form["state"].ToString(), form["code"].ToString(), form["error"].ToString(),
            form["error_description"].ToString(), form["user"].ToString(), form[RelayedField].ToString().Length > 0);
    }
}
