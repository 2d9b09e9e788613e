using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Host.Problems;

namespace Connector.Host.Connectors.Presets;

/// <summary>
/// The <c>presetParameters</c> of a create request (<c>{ "preset": "okta", "presetParameters": { "domain": "…" } }</c>):
/// each value the preset declares is required and checked against its kind, then written into the preset's config in
/// place of its <c>{name}</c>. Nothing else is substituted, so a placeholder the engine fills itself (Microsoft's
/// <c>{tenantid}</c> in an issuer) is left alone.
/// </summary>
internal static class PresetParameterValues
{
    public const string Field = "presetParameters";

    /// <summary>
    /// Removes <c>presetParameters</c> from <paramref name="body"/> and returns the preset's config with its values, or
    /// null when a value is missing or refused (each said in <paramref name="errors"/>).
    /// </summary>
    public static JsonObject? Apply(ConnectorPreset preset, JsonObject body, FieldErrors errors)
    {
        body.Remove(Field, out var node);
        if (node is not null and not JsonObject)
        {
            errors.Add(Field, ErrorCodes.Field.InvalidType, "Must be an object of the preset's parameters, e.g. { \"domain\": \"…\" }.");
            return null;
        }

        var given = node as JsonObject ?? [];
        var refused = false;
        foreach (var (name, _) in given)
        {
            if (!preset.Parameters.Any(parameter => parameter.Name == name))
            {
                refused = true;
                errors.Add($"{Field}.{name}", ErrorCodes.Field.UnknownField, preset.Parameters.Count == 0
                    ? $"The {preset.Id} preset takes no parameters."
                    : $"The {preset.Id} preset takes {string.Join(", ", preset.Parameters.Select(parameter => parameter.Name))}.");
            }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in preset.Parameters)
        {
            if (Read(preset, parameter, given[parameter.Name], errors) is { } value)
            {
                values[parameter.Name] = value;
            }
            else
            {
                refused = true;
            }
        }

        var config = preset.Config.DeepClone().AsObject();
        if (refused)
        {
            return null;
        }

        Substitute(config, preset.Parameters, values);
        return config;
    }

    /// <summary>The parameter's value as it goes into the config, or null when it is missing or refused.</summary>
    private static string? Read(ConnectorPreset preset, PresetParameter parameter, JsonNode? value, FieldErrors errors)
    {
        var path = $"{Field}.{parameter.Name}";
        if (value is null)
        {
            errors.Add(path, ErrorCodes.Field.Required, $"The {preset.Id} preset needs {parameter.Name}: {parameter.Description} (e.g. {parameter.Example}).");
            return null;
        }

        if (value.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(path, ErrorCodes.Field.InvalidType, $"Must be a string, e.g. {parameter.Example}.");
            return null;
        }

        var text = value.GetValue<string>().Trim();
        if (!parameter.Accepts(text))
        {
            errors.Add(path, ErrorCodes.Field.InvalidParameter, parameter.Kind == PresetParameter.HostKind
                ? $"Must be a host name, with a port if needed, and nothing else (no https://, no path), e.g. {parameter.Example}."
                : $"Must be one name of letters, digits, '.', '_', '~' or '-', e.g. {parameter.Example}.");
            return null;
        }

        // Host names are case-insensitive (RFC 4343); one spelling keeps stored endpoints and issuers comparable.
        return parameter.Kind == PresetParameter.HostKind ? text.ToLower(CultureInfo.InvariantCulture) : text;
    }

    /// <summary>Writes the values into every string of <paramref name="node"/>, in place.</summary>
    private static void Substitute(JsonNode node, IReadOnlyList<PresetParameter> parameters, Dictionary<string, string> values)
    {
        var children = node switch
        {
            JsonObject obj => obj.Select(pair => pair.Value).ToList(),
            JsonArray array => [.. array],
            _ => [],
        };
        foreach (var child in children)
        {
            if (child is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                var text = value.GetValue<string>();
                foreach (var parameter in parameters)
                {
                    text = text.Replace(parameter.Placeholder, values[parameter.Name], StringComparison.Ordinal);
                }

                value.ReplaceWith(text);
            }
            else if (child is not null)
            {
                Substitute(child, parameters, values);
            }
        }
    }
}
