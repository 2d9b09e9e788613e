using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Host.AdminApi.Input;
using Connector.Host.Problems;

namespace Connector.Host.Connectors.Presets;

/// <summary>
/// Turns a create body that names a <c>preset</c> into an ordinary one: the preset's config is the base and the
/// request's <c>config</c> is merged over it (RFC 7396, so explicit fields win and <c>null</c> removes a preset
/// field); <c>name</c>, <c>id</c> and the logos default to the preset's. The short form of issue 6,
/// <c>{ "preset": "github", "clientId": "…", "clientSecret": "…" }</c>, moves the two credentials into <c>config</c>. A preset
/// for an IdP at the customer's own domain takes its values in <c>presetParameters</c> (<see cref="PresetParameterValues"/>).
/// </summary>
internal static class PresetExpansion
{
    public const string PresetField = "preset";

    /// <summary>Top-level fields accepted beside <c>preset</c>, moved into <c>config</c>.</summary>
    private static readonly string[] ShortFormFields = ["clientId", "clientSecret"];

    /// <summary>
    /// The body to read as a connector, and the preset it came from (null without one). A body is null when the
    /// preset cannot be applied; its error is then the only one, as the rest cannot be judged without the base.
    /// </summary>
    public static (JsonObject? Body, ConnectorPreset? Preset) Expand(JsonObject body, PresetCatalog catalog, FieldErrors errors)
    {
        if (!body.TryGetPropertyValue(PresetField, out var requested) || requested is null)
        {
            body.Remove(PresetField);
            return (body, null);
        }

        if (requested.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(PresetField, ErrorCodes.Field.InvalidType, "Must be a string: a preset id such as 'github'.");
            return (null, null);
        }

        var id = requested.GetValue<string>();
        if (catalog.Find(id) is not { } preset)
        {
            errors.Add(PresetField, ErrorCodes.Field.UnknownPreset,
                $"No preset '{id}'. Known presets: {string.Join(", ", catalog.All.Select(p => p.Id))}.");
            return (null, null);
        }

        var expanded = body.DeepClone().AsObject();
        expanded.Remove(PresetField);
        if (PresetParameterValues.Apply(preset, expanded, errors) is not { } presetConfig)
        {
            return (null, null);
        }

        expanded.TryGetPropertyValue("config", out var requestConfig);
        var config = requestConfig as JsonObject ?? new JsonObject();
        foreach (var field in ShortFormFields)
        {
            if (expanded.TryGetPropertyValue(field, out var value))
            {
                if (config.ContainsKey(field))
                {
                    errors.Add(field, ErrorCodes.Field.OneOf, $"Give {field} at the top level or in config, not both.");
                }
                else
                {
                    config[field] = value?.DeepClone();
                }

                expanded.Remove(field);
            }
        }

        // A config that is not an object is left as sent, so the reader reports its type.
        expanded["config"] = requestConfig is null or JsonObject ? MergePatch.Apply(presetConfig, config) : requestConfig.DeepClone();
        if (expanded["name"] is null)
        {
            expanded["name"] = preset.Name;
        }

        if (expanded["id"] is null)
        {
            expanded["id"] = preset.Id;
        }

        // The preset's brand logos, served by this host, unless the body names its own.
        if (!expanded.ContainsKey("logoUrl"))
        {
            expanded["logoUrl"] = preset.LogoUrl;
            expanded["logoDarkUrl"] ??= preset.LogoDarkUrl;
        }

        return (expanded, preset);
    }
}
