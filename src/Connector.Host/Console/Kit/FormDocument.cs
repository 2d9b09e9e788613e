using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Host.Problems;

namespace Connector.Host.Console.Kit;

/// <summary>How a console form field turns into a member of the document the services read.</summary>
public enum FormFieldKind
{
    /// <summary>Trimmed text; empty is <c>null</c> (in a merge patch: cleared).</summary>
    Text,

    /// <summary>Write-only: empty leaves the member out (in a merge patch: kept as stored), so a secret is never shown to be re-sent.</summary>
    Secret,

    /// <summary>A checkbox: present is <c>true</c>, absent <c>false</c>.</summary>
    Flag,

    /// <summary>One string per line, blank lines dropped.</summary>
    Lines,

    /// <summary>A JSON object typed as text; empty is <c>null</c>.</summary>
    Json,

    /// <summary>An integer; empty is <c>null</c>.</summary>
    Number,

    /// <summary>Every value of a field sent more than once (checkboxes of one name), in the form's order; none is an empty list.</summary>
    Values,
}

/// <summary>One field of a console form: its document path (also the input's name) and its kind.</summary>
public sealed record FormField(string Path, FormFieldKind Kind);

/// <summary>
/// Reads a posted console form into the JSON document the admin API would have received, so the console and the API
/// go through the same service with the same checks: <c>config.clientId=abc</c> becomes <c>{"config":{"clientId":"abc"}}</c>.
/// </summary>
internal static class FormDocument
{
    public static JsonObject Read(IFormCollection form, IEnumerable<FormField> fields, FieldErrors errors)
    {
        var document = new JsonObject();
        foreach (var field in fields)
        {
            var typed = form[field.Path].ToString();
            JsonNode? value;
            switch (field.Kind)
            {
                case FormFieldKind.Secret when typed.Length == 0:
                    continue;
                case FormFieldKind.Secret:
                    value = typed;
                    break;
                case FormFieldKind.Flag:
                    value = form.ContainsKey(field.Path);
                    break;
                case FormFieldKind.Lines:
                    value = new JsonArray([.. typed.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).Select(line => JsonValue.Create(line))]);
                    break;
                case FormFieldKind.Values:
                    value = new JsonArray([.. form[field.Path].OfType<string>().Where(item => item.Length > 0).Select(item => JsonValue.Create(item))]);
                    break;
                case FormFieldKind.Json when typed.Trim().Length == 0:
                case FormFieldKind.Text when typed.Trim().Length == 0:
                case FormFieldKind.Number when typed.Trim().Length == 0:
                    value = null;
                    break;
                case FormFieldKind.Json when TryParseObject(typed, out var parsed):
                    value = parsed;
                    break;
                case FormFieldKind.Number when long.TryParse(typed.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number):
                    value = number;
                    break;
                case FormFieldKind.Json:
                case FormFieldKind.Number:
                    // Kept as the text that was typed, so the service refuses the document as well: left out, a merge
                    // patch would keep the stored value and a create would take the default, and the save would go through.
                    errors.Add(field.Path, field.Kind == FormFieldKind.Json ? ErrorCodes.Field.InvalidJson : ErrorCodes.Field.InvalidType,
                        field.Kind == FormFieldKind.Json ? "Must be a JSON object, like {\"name\": \"value\"}." : "Must be a whole number.");
                    value = typed;
                    break;
                default:
                    value = typed.Trim();
                    break;
            }

            Place(document, field.Path, value);
        }

        return document;
    }

    /// <summary>The document without its <c>null</c> members: a create takes a missing member as its default.</summary>
    public static JsonObject WithoutNulls(JsonObject document)
    {
        foreach (var name in document.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
        {
            document.Remove(name);
        }

        foreach (var inner in document.Select(pair => pair.Value).OfType<JsonObject>())
        {
            WithoutNulls(inner);
        }

        return document;
    }

    private static void Place(JsonObject document, string path, JsonNode? value)
    {
        var names = path.Split('.');
        var node = document;
        foreach (var name in names[..^1])
        {
            node = node[name] as JsonObject ?? (JsonObject)(node[name] = new JsonObject());
        }

        node[names[^1]] = value;
    }

    private static bool TryParseObject(string text, out JsonObject? parsed)
    {
        try
        {
            parsed = JsonNode.Parse(text) as JsonObject;
            return parsed is not null;
        }
        catch (JsonException)
        {
            parsed = null;
            return false;
        }
    }
}
