namespace Connector.Host.Admin.Presets;

/// <summary>Stable codes of the presets surface: a problem <c>code</c> and a field error code.</summary>
internal static class PresetCodes
{
    /// <summary><c>GET /api/connector-presets/{id}</c> for an id the catalogue does not hold (like <c>connector_not_found</c>).</summary>
    public const string PresetNotFound = "preset_not_found";

    /// <summary>Field error at <c>preset</c> when a create names a preset the catalogue does not hold.</summary>
    public const string UnknownPreset = "unknown_preset";
}
