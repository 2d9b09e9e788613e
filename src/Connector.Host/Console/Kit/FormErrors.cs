using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Host.Problems;

namespace Connector.Host.Console.Kit;

/// <summary>
/// A form's problems, by the document path of the field they belong to (<c>config.clientId</c>): what the admin API
/// would have answered as <c>errors</c>, for the console to show beside each field and all together at the top.
/// </summary>
public sealed class FormErrors
{
    public static readonly FormErrors None = new(new Dictionary<string, string[]>());

    private readonly IReadOnlyDictionary<string, string[]> _messages;

    private FormErrors(IReadOnlyDictionary<string, string[]> messages) => _messages = messages;

    public bool IsEmpty => _messages.Count == 0;

    public int Count => _messages.Values.Sum(messages => messages.Length);

    /// <summary>Every problem, in the order the fields were checked.</summary>
    public IEnumerable<KeyValuePair<string, string[]>> All => _messages;

    public IReadOnlyList<string> For(string path) => _messages.TryGetValue(path, out var messages) ? messages : [];

    internal static FormErrors From(FieldErrors errors) => errors.IsEmpty ? None : new(errors.Messages());

    /// <summary>
    /// The problems as a form of <paramref name="fields"/> shows them. The API names a problem of one item of a list
    /// by its index (<c>redirectUris.1</c>); on the form the list is one field (lines of a textarea, a group of
    /// checkboxes), so the problem goes beside that field and names the item it is about, as it was sent.
    /// </summary>
    internal static FormErrors From(FieldErrors errors, IEnumerable<FormField> fields, JsonObject document)
    {
        if (errors.IsEmpty)
        {
            return None;
        }

        var lists = fields.Where(field => field.Kind is FormFieldKind.Lines or FormFieldKind.Values).Select(field => field.Path).ToHashSet(StringComparer.Ordinal);
        var messages = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (path, pathMessages) in errors.Messages())
        {
            var dot = path.LastIndexOf('.');
            var list = dot > 0 ? path[..dot] : null;
            var isItem = list is not null && lists.Contains(list) && int.TryParse(path[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _);
            var target = isItem ? list! : path;
            var item = isItem ? ItemAt(document, path) : null;
            var shown = messages.TryGetValue(target, out var known) ? known : messages[target] = [];
            shown.AddRange(pathMessages.Select(message => item is null ? message : $"{item}: {message}"));
        }

        return new(messages.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The text of the list item at <paramref name="path"/> (<c>redirectUris.1</c>) in the document sent.</summary>
    private static string? ItemAt(JsonObject document, string path)
    {
        JsonNode? node = document;
        foreach (var name in path.Split('.'))
        {
            node = node switch
            {
                JsonObject inner => inner[name],
                JsonArray array when int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
        }

        return node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
    }

    /// <summary>
    /// The problems of the form itself (<paramref name="form"/>, from <see cref="FormDocument.Read"/>) and the
    /// service's, placed on the fields of the form, in the fields' order: a problem inside a field — one line of a
    /// list (<c>allowedEmailDomains.2</c>), one member of a JSON object (<c>config.customConfig.state</c>) — shows
    /// beside that field, its message led by the rest of its path. A field the form already found wrong keeps the
    /// form's message only (the service then only saw the text as typed). Problems of no field stay where they were.
    /// </summary>
    internal static FormErrors From(FieldErrors form, FieldErrors service, IReadOnlyList<FormField> fields)
    {
        var placed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var formMessages = form.Messages();
        foreach (var (path, messages) in formMessages.Concat(service.Messages().Where(pair => !formMessages.ContainsKey(pair.Key))))
        {
            var field = fields.Select(candidate => candidate.Path)
                .Where(candidate => path.StartsWith(candidate + ".", StringComparison.Ordinal))
                .MaxBy(candidate => candidate.Length);
            var (target, lead) = field is null ? (path, "") : (field, path[(field.Length + 1)..] + ": ");
            var list = placed.TryGetValue(target, out var known) ? known : placed[target] = [];
            list.AddRange(messages.Select(message => lead + message));
        }

        var order = fields.Select((field, index) => (field.Path, index)).ToDictionary(pair => pair.Path, pair => pair.index, StringComparer.Ordinal);
        return placed.Count == 0
            ? None
            : new(placed.OrderBy(pair => order.GetValueOrDefault(pair.Key, int.MaxValue))
                .ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal));
    }
}
