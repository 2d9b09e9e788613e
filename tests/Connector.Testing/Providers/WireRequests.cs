using System.Web;
using WireMock;
using WireMock.Logging;
using WireMock.Types;
using WireMock.Util;

namespace Connector.Testing.Providers;

/// <summary>What went over the wire, read from a request in the fake provider's log; and answers made by hand for callbacks.</summary>
public static class WireRequests
{
    /// <summary>The header's values joined by commas, or null when the request did not carry it.</summary>
    public static string? Header(this ILogEntry entry, string name) =>
        entry.RequestMessage!.Headers is { } headers && headers.TryGetValue(name, out var values) ? string.Join(",", values) : null;

    public static bool HasHeader(this ILogEntry entry, string name) => entry.RequestMessage!.Headers?.ContainsKey(name) == true;

    /// <summary>The form-encoded body as name and value.</summary>
    public static Dictionary<string, string> Form(this ILogEntry entry) => Form(entry.RequestMessage!);

    public static Dictionary<string, string> Form(this IRequestMessage request)
    {
        var form = HttpUtility.ParseQueryString(request.Body ?? "");
        return form.AllKeys.OfType<string>().ToDictionary(key => key, key => form[key]!);
    }

    /// <summary>An answer for a WireMock callback.</summary>
    public static ResponseMessage Message(int status, string contentType, string body)
    {
        var message = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
        };
        message.AddHeader("Content-Type", contentType);
        return message;
    }
}
