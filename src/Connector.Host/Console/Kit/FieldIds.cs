namespace Connector.Host.Console.Kit;

/// <summary>The element ids of a form field, from its document path, so the error summary can link to the field.</summary>
public static class FieldIds
{
    public static string Of(string path) => "f-" + path.Replace('.', '-');

    public static string? DescribedBy(string id, bool help, int errors)
    {
        var ids = (help ? [$"{id}-help"] : Array.Empty<string>()).Concat(Enumerable.Range(0, errors).Select(i => $"{id}-error-{i}")).ToList();
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
