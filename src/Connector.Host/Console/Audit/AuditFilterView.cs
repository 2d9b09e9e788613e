namespace Connector.Host.Console.Audit;

/// <summary>
/// The audit filters as the operator typed them (shown again in the form, errors beside them), and the links that
/// narrow the list by one more value.
/// </summary>
public sealed record AuditFilterView(string? Action, string? Actor, string? Target, string? Outcome, string? From, string? To)
{
    /// <summary>The list narrowed further: these filters with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public string With(string name, string value) => PathOf(
        new (string Name, string? Value)[] { ("action", Action), ("actor", Actor), ("target", Target), ("outcome", Outcome), ("from", From), ("to", To) }
            .Where(filter => filter.Name != name && filter.Value is { Length: > 0 })
            .Select(filter => KeyValuePair.Create(filter.Name, filter.Value))
            .Append(KeyValuePair.Create(name, (string?)value)));

    /// <summary>Whether anything narrows the list (then "show all" is offered).</summary>
    public bool IsFiltered => new[] { Action, Actor, Target, Outcome, From, To }.Any(value => value is { Length: > 0 });

    internal static string PathOf(IEnumerable<KeyValuePair<string, string?>> parameters) => ConsolePaths.Audit + QueryString.Create(parameters);
}
