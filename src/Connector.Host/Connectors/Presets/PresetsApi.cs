using Connector.Host.AdminApi;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.Connectors.Presets;

/// <summary><c>/api/connector-presets</c>: the provider catalogue a connector can be created from (<c>POST /api/connectors</c> with <c>preset</c>).</summary>
internal static class PresetsApi
{
    public static IEndpointRouteBuilder MapPresetsApi(this IEndpointRouteBuilder app)
    {
        var presets = app.MapAdminApi(AdminApiPaths.ConnectorPresets, "Connector presets");
        presets.MapGet("", ListPresets).WithName(nameof(ListPresets));
        presets.MapGet("/{id}", GetPreset).WithName(nameof(GetPreset));
        return app;
    }

    public static Ok<PresetResponse[]> ListPresets(PresetCatalog catalog) =>
        TypedResults.Ok(catalog.All.Select(PresetResponse.From).ToArray());

    public static Results<Ok<PresetResponse>, ProblemHttpResult> GetPreset(string id, PresetCatalog catalog) =>
        catalog.Find(id) is { } preset
            ? TypedResults.Ok(PresetResponse.From(preset))
            : ApiProblems.PresetNotFound(id);
}
