using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.Admin.Presets;

/// <summary><c>/api/connector-presets</c>: the provider catalogue a connector can be created from (<c>POST /api/connectors</c> with <c>preset</c>).</summary>
internal static class PresetsApi
{
    public static RouteGroupBuilder MapPresetsApi(this RouteGroupBuilder api)
    {
        var presets = api.MapGroup("/connector-presets").WithTags("Connector presets");
        presets.MapGet("", ListPresets).WithName(nameof(ListPresets));
        presets.MapGet("/{id}", GetPreset).WithName(nameof(GetPreset));
        return api;
    }

    public static Ok<PresetResponse[]> ListPresets(PresetCatalog catalog) =>
        TypedResults.Ok(catalog.All.Select(PresetResponse.From).ToArray());

    public static Results<Ok<PresetResponse>, ProblemHttpResult> GetPreset(string id, PresetCatalog catalog) =>
        catalog.Find(id) is { } preset
            ? TypedResults.Ok(PresetResponse.From(preset))
            : TypedResults.Problem(
                $"No connector preset has the id '{id}'; GET /api/connector-presets lists them.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Preset not found",
                extensions: new Dictionary<string, object?> { ["code"] = PresetCodes.PresetNotFound });
}
