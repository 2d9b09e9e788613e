using System.Collections.Specialized;
using System.Text.Json;
using System.Web;

namespace Connector.OAuth2.Tokens;

/// <summary>A token answer's fields, read the same way from JSON or a form-encoded body.</summary>
internal sealed class TokenFields
{
    /// <summary>Provider text kept in an error is cut here: enough to diagnose, too little to flood a page or a log.</summary>
    internal const int MaxErrorTextLength = 300;

    private readonly JsonElement? _json;
    private readonly NameValueCollection? _form;

    private TokenFields(JsonElement? json, NameValueCollection? form)
    {
        _json = json;
        _form = form;
    }

    public static TokenFields FromJson(JsonElement json) => new(json, null);

    public static TokenFields FromForm(string body) => new(null, HttpUtility.ParseQueryString(body));

    /// <summary>A failure whatever the status: an <c>error</c> (GitHub answers 200) or Slack's <c>ok:false</c>.</summary>
    public bool IsFailure =>
        _form?["error"] is not null
        || (_json is { } json && ((json.TryGetProperty("error", out var error) && error.ValueKind is JsonValueKind.String or JsonValueKind.Object)
            || (json.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False)));

    /// <summary>A string field; numbers are read as their JSON text.</summary>
    public string? Text(string name)
    {
        if (_form is not null)
        {
            return _form[name];
        }

        return _json is { } json && json.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
    }

    /// <summary>Granted scopes, space-separated whatever the provider sent: a string, a comma list (GitHub, LinkedIn) or an array (Twitch).</summary>
    public string? Scope()
    {
        string? scope = _json is { } json && json.TryGetProperty("scope", out var value) && value.ValueKind == JsonValueKind.Array
            ? string.Join(' ', value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()))
            : Text("scope");
        return scope?.Replace(',', ' ');
    }

    /// <summary>
    /// The provider's error code and text: RFC 6749 §5.2 <c>error</c>/<c>error_description</c>, Facebook's
    /// <c>{"error":{"type","message"}}</c>, Twitch's <c>{status,message}</c> — truncated.
    /// </summary>
    public (string? Error, string? Description) Error()
    {
        if (_json is { } json && json.TryGetProperty("error", out var nested) && nested.ValueKind == JsonValueKind.Object)
        {
            return (Cut(Read(nested, "type") ?? Read(nested, "code")), Cut(Read(nested, "message")));
        }

        return (Cut(Text("error")), Cut(Text("error_description") ?? Text("message") ?? Text("error_message")));
    }

    private static string? Read(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    private static string? Cut(string? text) =>
        text is { Length: > MaxErrorTextLength } ? text[..MaxErrorTextLength] + "…" : text;
}
