namespace Connector.Host.Console.Experience;

/// <summary>
/// What a button of the connectors' list asks for — <c>up</c>, <c>down</c>, <c>remove</c> or <c>add</c>, its value the
/// connector's id — applied to the order as it is saved now (not as the page showed it: a change made meanwhile stays).
/// </summary>
internal static class ConnectorOrder
{
    public const string Up = "up";
    public const string Down = "down";
    public const string Remove = "remove";
    public const string Add = "add";

    /// <summary>The connector a button named, whichever it was; null for a form without one.</summary>
    public static string? Target(IFormCollection form) =>
        new[] { Up, Down, Remove, Add }.Select(button => form[button].ToString()).FirstOrDefault(id => id.Length > 0);

    /// <summary>The id of a connector's row in either list, where the focus returns after a change to it.</summary>
    public static string RowId(string connectorId) => "connector-row-" + connectorId;

    /// <summary>The new order, or null when the form asks for nothing that changes it (a move past the end, an id not listed).</summary>
    public static IReadOnlyList<string>? Apply(IReadOnlyList<string> order, IFormCollection form)
    {
        var list = order.ToList();
        if (form[Up].ToString() is { Length: > 0 } up && list.IndexOf(up) is > 0 and var above)
        {
            (list[above - 1], list[above]) = (list[above], list[above - 1]);
            return list;
        }

        if (form[Down].ToString() is { Length: > 0 } down && list.IndexOf(down) is >= 0 and var below && below < list.Count - 1)
        {
            (list[below], list[below + 1]) = (list[below + 1], list[below]);
            return list;
        }

        if (form[Remove].ToString() is { Length: > 0 } removed && list.Remove(removed))
        {
            return list;
        }

        if (form[Add].ToString() is { Length: > 0 } added && !list.Contains(added, StringComparer.Ordinal))
        {
            list.Add(added);
            return list;
        }

        return null;
    }
}
