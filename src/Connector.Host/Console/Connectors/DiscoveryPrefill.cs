using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Host.Connectors;
using Connector.Host.Connectors.Discovery;
using Connector.Host.Console.Kit;

namespace Connector.Host.Console.Connectors;

/// <summary>
/// "Prefill from discovery": the form as the operator sent it, with what the provider's metadata says written over
/// the fields it covers (endpoints, scope, client authentication, PKCE, the OpenID profile map); everything else
/// stays as typed.
/// </summary>
internal static class DiscoveryPrefill
{
    public static FormValues Apply(IFormCollection form, DiscoveredConfig discovered)
    {
        var values = form.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        var config = JsonSerializer.SerializeToNode(discovered, ConnectorJson.Options)!.AsObject();
        foreach (var (name, value) in config)
        {
            switch (value)
            {
                case JsonObject inner:
                    foreach (var (member, text) in inner)
                    {
                        values[$"config.{name}.{member}"] = text?.GetValue<string>();
                    }

                    break;
                case JsonValue flag when flag.GetValueKind() is JsonValueKind.True:
                    values[$"config.{name}"] = "true";
                    break;
                case JsonValue flag when flag.GetValueKind() is JsonValueKind.False:
                    // An unticked box is one the browser does not send.
                    values.Remove($"config.{name}");
                    break;
                case JsonValue text:
                    values[$"config.{name}"] = text.GetValue<string>();
                    break;
            }
        }

        return FormValues.From(new FormCollection(values));
    }

    /// <summary>What the page says about the discovery: the issuer it read, and what needs a look.</summary>
    public static DiscoveryNote Note(DiscoveryResponse response) => new(response.Issuer, response.Warnings);
}

/// <summary>A discovery that prefilled the form: the issuer named by the metadata, and its warnings (in English, as the API gives them).</summary>
public sealed record DiscoveryNote(string? Issuer, IReadOnlyList<string> Warnings);
