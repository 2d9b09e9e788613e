using System.Text.Json.Nodes;

namespace Connector.Host.Tests.Presets;

public static class PresetAssert
{
    /// <summary>
    /// Every field of <paramref name="expected"/> has the same value in <paramref name="actual"/>, recursively; an
    /// object in the answer may hold more members (defaults the host fills in, such as emailLookup's paths).
    /// </summary>
    public static void Contains(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is JsonObject expectedObject)
        {
            var actualObject = Assert.IsType<JsonObject>(actual);
            foreach (var (name, value) in expectedObject)
            {
                Contains(value, actualObject[name], $"{path}.{name}");
            }

            return;
        }

        Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "nothing"}.");
    }
}
