using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Host.Problems;

namespace Connector.Host.AdminApi.Input;

/// <summary>Reads a request body as a JSON object, turning malformed JSON into a field error instead of an exception.</summary>
internal static class JsonBody
{
    public const string BodyField = "$";

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request, FieldErrors errors, CancellationToken ct)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, documentOptions: DocumentOptions, cancellationToken: ct);
        }
        catch (JsonException ex)
        {
            errors.Add(BodyField, ErrorCodes.Field.InvalidJson, $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
            return null;
        }

        if (node is not JsonObject body)
        {
            errors.Add(BodyField, ErrorCodes.Field.InvalidType, "The body must be a JSON object.");
            return null;
        }

        return body;
    }
}
