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
