using System.Text.Json.Nodes;

namespace Connector.Host.AdminApi.Input;

/// <summary>JSON Merge Patch (RFC 7396 §2): objects merge member by member, <c>null</c> removes, anything else replaces.</summary>
internal static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? targetObject.DeepClone().AsObject() : new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result.TryGetPropertyValue(name, out var existing);
                result[name] = Apply(existing, value);
            }
        }

        return result;
    }
}
