using System.Security.Claims;
using Connector.Host.AdminApi;
using Connector.Host.Connectors.Api;
using Connector.Host.Connectors.Discovery;
using Connector.Host.Connectors.Presets;
using Connector.Host.Console.Kit;
using Connector.Host.Problems;

namespace Connector.Host.Console.Connectors;

/// <summary>
/// Creating a connector: the full OAuth2 form (with "Prefill from discovery") and a preset's short form, each saved
/// through <see cref="ConnectorAdminService.CreateAsync(System.Text.Json.Nodes.JsonObject, string, CancellationToken)"/> as <c>POST /api/connectors</c> is; a refused save shows
/// the form again as it was typed, every problem beside its field.
/// </summary>
internal static class NewConnectorEndpoints
{
    public static RouteGroupBuilder MapNewConnectors(this RouteGroupBuilder connectors)
    {
        connectors.MapGet(ConnectorPaths.NewOAuth2Route, (CallbackUris callbacks) => OAuth2Form(callbacks, ConnectorForm.Defaults()));
        connectors.MapPost(ConnectorPaths.NewOAuth2Route, CreateOAuth2Async);
        connectors.MapPost(ConnectorPaths.NewOAuth2DiscoverRoute, DiscoverAsync);
        connectors.MapGet(ConnectorPaths.NewPresetRoute, ShowPreset);
        connectors.MapPost(ConnectorPaths.NewPresetRoute, CreateFromPresetAsync);
        return connectors;
    }

    private static async Task<IResult> CreateOAuth2Async(
        HttpContext context, ClaimsPrincipal user, ConnectorAdminService service, CallbackUris callbacks, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var fields = ConnectorForm.FieldsOf(ConnectorForm.Create);
        var formErrors = new FieldErrors();
        var document = FormDocument.WithoutNulls(ConnectorForm.WithoutEmptyKeys(FormDocument.Read(form, fields, formErrors)));
        return await service.CreateAsync(document, AdminActor.Of(user), ct) switch
        {
            ConnectorOutcome.Saved saved => ConsolePages.Redirect(ConnectorPaths.Of(saved.Row.Id), "console.notice.connectorCreated"),
            ConnectorOutcome.Invalid invalid => OAuth2Form(callbacks, FormValues.From(form), FormErrors.From(formErrors, invalid.Errors, fields), status: StatusCodes.Status400BadRequest),
            ConnectorOutcome.Taken taken => OAuth2Form(callbacks, FormValues.From(form), IdTaken(taken, fields), status: StatusCodes.Status409Conflict),
            var other => throw new InvalidOperationException($"A create does not end as {other}."),
        };
    }

    /// <summary>"Prefill from discovery" on the create form: the same discovery as <c>POST /api/connectors/discover</c>.</summary>
    private static async Task<IResult> DiscoverAsync(HttpContext context, ConnectorDiscovery discovery, CallbackUris callbacks, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var (values, errors, note, status) = await DiscoveryStep.RunAsync(form, discovery, ct);
        return OAuth2Form(callbacks, values, errors, note, status);
    }

    private static IResult ShowPreset(string preset, PresetCatalog presets, CallbackUris callbacks) =>
        presets.Find(preset) is { } found
            ? PresetForm(callbacks, found, FormValues.From(new System.Text.Json.Nodes.JsonObject { ["name"] = found.Name, ["id"] = found.Id }))
            : TypedResults.Redirect(ConnectorPaths.New);

    private static async Task<IResult> CreateFromPresetAsync(
        string preset, HttpContext context, ClaimsPrincipal user, ConnectorAdminService service, PresetCatalog presets, CallbackUris callbacks,
        CancellationToken ct)
    {
        if (presets.Find(preset) is not { } found)
        {
            return TypedResults.Redirect(ConnectorPaths.New);
        }

        var form = await context.Request.ReadFormAsync(ct);
        var fields = ConnectorForm.FieldsOf(ConnectorForm.PresetFor(ConnectorsEndpoints.ViewOf(found)));
        var formErrors = new FieldErrors();
        var document = FormDocument.WithoutNulls(FormDocument.Read(form, fields, formErrors));
        document[PresetExpansion.PresetField] = found.Id;
        return await service.CreateAsync(document, AdminActor.Of(user), ct) switch
        {
            ConnectorOutcome.Saved saved => ConsolePages.Redirect(ConnectorPaths.Of(saved.Row.Id), "console.notice.connectorCreated"),
            ConnectorOutcome.Invalid invalid => PresetForm(callbacks, found, FormValues.From(form), FormErrors.From(formErrors, invalid.Errors, fields), StatusCodes.Status400BadRequest),
            ConnectorOutcome.Taken taken => PresetForm(callbacks, found, FormValues.From(form), IdTaken(taken, fields), StatusCodes.Status409Conflict),
            var other => throw new InvalidOperationException($"A create does not end as {other}."),
        };
    }

    /// <summary>The id asked for (or the preset's) belongs to another connector: said beside the id field.</summary>
    private static FormErrors IdTaken(ConnectorOutcome.Taken taken, IReadOnlyList<FormField> fields)
    {
        var errors = new FieldErrors();
        errors.Add("id", ErrorCodes.Conflict, taken.Message);
        return FormErrors.From(new FieldErrors(), errors, fields);
    }

    private static IResult OAuth2Form(
        CallbackUris callbacks, FormValues values, FormErrors? errors = null, DiscoveryNote? note = null, int status = StatusCodes.Status200OK) =>
        ConsolePages.Page<OAuth2ConnectorPage>(ConsoleSections.Connectors, new Dictionary<string, object?>
        {
            [nameof(OAuth2ConnectorPage.Values)] = values,
            [nameof(OAuth2ConnectorPage.Errors)] = errors ?? FormErrors.None,
            [nameof(OAuth2ConnectorPage.Discovery)] = note,
            [nameof(OAuth2ConnectorPage.CallbackUri)] = callbacks.ForTyped(values["id"]),
            [nameof(OAuth2ConnectorPage.CallbackBase)] = callbacks.Base,
        }, status);

    private static IResult PresetForm(CallbackUris callbacks, ConnectorPreset preset, FormValues values, FormErrors? errors = null, int status = StatusCodes.Status200OK) =>
        ConsolePages.Page<PresetConnectorPage>(ConsoleSections.Connectors, new Dictionary<string, object?>
        {
            [nameof(PresetConnectorPage.Preset)] = ConnectorsEndpoints.ViewOf(preset),
            [nameof(PresetConnectorPage.Values)] = values,
            [nameof(PresetConnectorPage.Errors)] = errors ?? FormErrors.None,
            // Without an id of its own, the connector takes the preset's.
            [nameof(PresetConnectorPage.CallbackUri)] = callbacks.ForTyped(values["id"] is { Length: > 0 } id && id.Trim().Length > 0 ? id : preset.Id),
            [nameof(PresetConnectorPage.CallbackBase)] = callbacks.Base,
        }, status);
}
