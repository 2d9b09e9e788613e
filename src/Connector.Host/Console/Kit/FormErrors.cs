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
}
