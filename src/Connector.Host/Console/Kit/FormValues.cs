using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.Host.Console.Kit;

/// <summary>
/// A form's values by document path: a JSON document (an admin API answer) flattened — <c>config.clientId</c> —
/// or what the operator just sent, to show again beside its errors. Arrays of strings are one item per line; objects
/// inside a <see cref="FormFieldKind.Json"/> field are shown as JSON.
/// </summary>
public sealed class FormValues
{
    public static readonly FormValues Empty = new(new Dictionary<string, string>());

    private readonly Dictionary<string, string> _values;

    private FormValues(Dictionary<string, string> values) => _values = values;

    public string? this[string path] => _values.GetValueOrDefault(path);

    /// <summary>Whether a flag field is on.</summary>
    public bool IsOn(string path) => _values.GetValueOrDefault(path) is "true" or "on";

    /// <summary>The document's members, flattened; members named in <paramref name="jsonFields"/> stay whole, as JSON text.</summary>
    internal static FormValues From(JsonObject? document, IReadOnlyCollection<string>? jsonFields = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document is not null)
        {
            Flatten(document, "", jsonFields ?? [], values);
        }

        return new(values);
    }

    /// <summary>What was posted, as it was typed; a field sent more than once (checkboxes of one name) is one value per line, as an array is.</summary>
    internal static FormValues From(IFormCollection form) =>
        new(form.ToDictionary(pair => pair.Key, pair => string.Join('\n', pair.Value.OfType<string>()), StringComparer.Ordinal));

    /// <summary>The items of a list field (lines of a textarea, the boxes ticked in a group): one per line.</summary>
    public IReadOnlyList<string> ItemsOf(string path) =>
        _values.GetValueOrDefault(path) is { Length: > 0 } value ? [.. value.Split('\n').Select(item => item.TrimEnd('\r'))] : [];

    private static void Flatten(JsonObject node, string prefix, IReadOnlyCollection<string> jsonFields, Dictionary<string, string> values)
    {
        foreach (var (name, value) in node)
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            switch (value)
            {
                case null:
                    break;
                case JsonObject inner when jsonFields.Contains(path):
                    values[path] = inner.ToJsonString(Indented);
                    break;
                case JsonObject inner:
                    Flatten(inner, path, jsonFields, values);
                    break;
                case JsonArray array:
                    values[path] = string.Join('\n', array.Select(item => item?.GetValueKind() == JsonValueKind.String ? item.GetValue<string>() : item?.ToJsonString()));
                    break;
                default:
                    values[path] = value.GetValueKind() switch
                    {
                        JsonValueKind.String => value.GetValue<string>(),
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        _ => Convert.ToString(value.ToJsonString(), CultureInfo.InvariantCulture),
                    };
                    break;
            }
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
