using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Host.Connectors;
using Connector.Host.Connectors.Api;
using Connector.Host.Console.Kit;
using Connector.Host.Problems;

namespace Connector.Host.Console.Connectors;

/// <summary>
/// The connector's page as documents: the stored connector as the admin API shows it (never the secret), and the
/// posted form as the merge patch the admin API would have received.
/// </summary>
internal static class ConnectorEditDocument
{
    /// <summary>What the edit form sends: the fields of <see cref="ConnectorForm.Edit"/> and the provider change's confirmation.</summary>
    public static readonly IReadOnlyList<FormField> Fields = [.. ConnectorForm.FieldsOf(ConnectorForm.Edit), ConnectorForm.ConfirmProviderChange];

    /// <summary>What <c>GET /api/connectors/{id}</c> answers, as a document to fill the form from.</summary>
    public static JsonObject Of(ConnectorRow row, string publicOrigin)
    {
        var document = JsonSerializer.SerializeToNode(ConnectorResponse.From(row, publicOrigin), ConnectorJson.Options)!.AsObject();
        // An empty object shows as an empty field, not as "{}".
        foreach (var path in ConnectorForm.JsonPaths)
        {
            if (Find(document, path) is JsonObject { Count: 0 } empty)
            {
                empty.Parent!.AsObject().Remove(path.Split('.')[^1]);
            }
        }

        return document;
    }

    /// <summary>
    /// The merge patch (RFC 7396) of a posted edit form. A JSON object field replaces the stored object: a merge
    /// patch merges objects member by member, so each member the operator deleted from the text is sent as <c>null</c>.
    /// </summary>
    public static JsonObject Patch(IFormCollection form, JsonObject stored, FieldErrors errors)
    {
        var patch = ConnectorForm.WithoutEmptyKeys(FormDocument.Read(form, Fields, errors));
        foreach (var path in ConnectorForm.JsonPaths)
        {
            if (Find(patch, path) is JsonObject replacement && Find(stored, path) is JsonObject before)
            {
                foreach (var (member, _) in before.Where(pair => !replacement.ContainsKey(pair.Key)).ToList())
                {
                    replacement[member] = null;
                }
            }
        }

        return patch;
    }

    private static JsonNode? Find(JsonObject document, string path)
    {
        JsonNode? node = document;
        foreach (var name in path.Split('.'))
        {
            node = node is JsonObject parent && parent.TryGetPropertyValue(name, out var child) ? child : null;
        }

        return node;
    }
}
