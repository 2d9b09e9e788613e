using System.Security.Claims;
using System.Text.Json.Nodes;
using Connector.Host.AdminApi;
using Connector.Host.Connectors;
using Connector.Host.Console.Kit;
using Connector.Host.Experience;
using Connector.Host.Problems;
using Connector.Host.SignIn;

namespace Connector.Host.Console.Experience;

/// <summary>
/// <c>/console/sign-in-experience</c>: the connectors the sign-in page shows and their order, its branding and
/// languages, through <see cref="ExperienceAdminService"/> as <c>/api/sign-in-experience</c>; and the preview of the real
/// sign-in page with what the form holds. The preview is mapped here, inside the console's group, so that only a
/// console session sees it; the headers that let only the console frame it are <c>Hardening/SecurityHeaders</c>'.
/// </summary>
internal static class ExperienceEndpoints
{
    public static RouteGroupBuilder MapConsoleExperience(this RouteGroupBuilder console)
    {
        console.MapGet(Relative(ConsolePaths.SignInExperience), ShowAsync);
        console.MapPost(Relative(ConsolePaths.SignInExperience), SaveAsync);
        console.MapPost(Relative(ConsolePaths.ExperienceConnectors), ChangeConnectorsAsync);
        console.MapMethods(Relative(ConsolePaths.Preview), [HttpMethods.Get, HttpMethods.Post], PreviewAsync);
        return console;
    }

    private static string Relative(string path) => path[ConsolePaths.Root.Length..];

    private static async Task<IResult> ShowAsync(ExperienceAdminService service, ConnectorStore connectors, CancellationToken ct)
    {
        var experience = await service.GetAsync(ct);
        return await PageAsync(experience, FormValues.From(ExperienceAdminService.Document(experience)), FormErrors.None, FormErrors.None, ConsolePaths.Preview, connectors, ct);
    }

    /// <summary>Branding, links and languages; the connectors stay as saved (their buttons change them).</summary>
    private static async Task<IResult> SaveAsync(HttpRequest request, ClaimsPrincipal user, ExperienceAdminService service, ConnectorStore connectors, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var errors = new FieldErrors();
        var document = FormDocument.Read(form, ExperienceForm.Fields, errors);
        var current = await service.GetAsync(ct);
        document[ExperienceForm.Connectors.Path] = new JsonArray([.. current.Connectors.Select(id => JsonValue.Create(id))]);
        var outcome = errors.IsEmpty ? await service.ReplaceAsync(document, AdminActor.Of(user), ct) : new ExperienceOutcome.Invalid(errors);
        return outcome is ExperienceOutcome.Invalid invalid
            ? await PageAsync(current, FormValues.From(form), FormErrors.From(invalid.Errors, ExperienceForm.Fields, document), FormErrors.None, PreviewOf(form), connectors, ct)
            : ConsolePages.Redirect(ConsolePaths.SignInExperience, "console.notice.experienceSaved");
    }

    private static async Task<IResult> ChangeConnectorsAsync(HttpRequest request, ClaimsPrincipal user, ExperienceAdminService service, ConnectorStore connectors, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var current = await service.GetAsync(ct);
        if (ConnectorOrder.Apply(current.Connectors, form) is not { } order)
        {
            return ConsolePages.Redirect(ConsolePaths.SignInExperience);
        }

        var changed = current with { Connectors = order };
        if (await service.SaveAsync(changed, AdminActor.Of(user), new FieldErrors(), ct) is not { } problems)
        {
            return ConsolePages.Redirect(ConsolePaths.SignInExperience, "console.notice.experienceConnectorsSaved",
                ConnectorOrder.Target(form) is { } moved ? ConnectorOrder.RowId(moved) : null);
        }

        var document = ExperienceAdminService.Document(changed);
        return await PageAsync(current, FormValues.From(ExperienceAdminService.Document(current)),
            FormErrors.None, FormErrors.From(problems, [ExperienceForm.Connectors], document), ConsolePaths.Preview, connectors, ct);
    }

    /// <summary>
    /// The real sign-in page with the form's settings, sent by the form (POST, with its token) or by the console's script
    /// (GET, the fields in the query); a request with none of them shows what is saved. Nothing is saved here.
    /// </summary>
    private static async Task<IResult> PreviewAsync(HttpContext context, ExperienceAdminService service, ConnectorStore connectors, CancellationToken ct)
    {
        var source = HttpMethods.IsPost(context.Request.Method)
            ? await context.Request.ReadFormAsync(ct)
            : new FormCollection(context.Request.Query.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));
        var stored = await service.GetAsync(ct);
        var experience = stored;
        if (ExperienceForm.Fields.Any(field => source.ContainsKey(field.Path)))
        {
            var document = FormDocument.Read(source, [.. ExperienceForm.Fields, ExperienceForm.Connectors], new FieldErrors());
            if (!source.ContainsKey(ExperienceForm.Connectors.Path))
            {
                document[ExperienceForm.Connectors.Path] = new JsonArray([.. stored.Connectors.Select(id => JsonValue.Create(id))]);
            }

            experience = await service.PreviewAsync(document, ct);
        }

        context.Response.Headers.CacheControl = "no-store";
        return await SignInPreview.PageAsync(context, ExperienceLook.Of(experience), experience.Connectors, connectors, ct);
    }

    /// <summary>The preview of what was just sent, to show beside its errors: the form's fields in the query, its token left out.</summary>
    private static string PreviewOf(IFormCollection form)
    {
        var paths = ExperienceForm.Fields.Append(ExperienceForm.Connectors).Select(field => field.Path).ToHashSet(StringComparer.Ordinal);
        var query = QueryString.Create(form.Where(pair => paths.Contains(pair.Key))
            .SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value))));
        return ConsolePaths.Preview + query.ToUriComponent();
    }

    private static async Task<IResult> PageAsync(
        SignInExperience saved, FormValues values, FormErrors errors, FormErrors connectorErrors, string preview, ConnectorStore connectors, CancellationToken ct)
    {
        var all = await connectors.ListAsync(ct);
        var byId = all.ToDictionary(row => row.Id, StringComparer.Ordinal);
        var shown = saved.Connectors.Where(byId.ContainsKey).Select(id => new ShownConnector(id, byId[id].Name, byId[id].Enabled)).ToList();
        var others = all.Where(row => row.Enabled && !saved.Connectors.Contains(row.Id, StringComparer.Ordinal))
            .Select(row => new ShownConnector(row.Id, row.Name, row.Enabled)).ToList();
        var status = errors.IsEmpty && connectorErrors.IsEmpty ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return ConsolePages.Page<ExperiencePage>(ConsoleSections.SignInExperience, new Dictionary<string, object?>
        {
            [nameof(ExperiencePage.Shown)] = shown,
            [nameof(ExperiencePage.Others)] = others,
            [nameof(ExperiencePage.AnyConnector)] = all.Count > 0,
            [nameof(ExperiencePage.Values)] = values,
            [nameof(ExperiencePage.Errors)] = errors,
            [nameof(ExperiencePage.ConnectorErrors)] = connectorErrors,
            [nameof(ExperiencePage.PreviewSource)] = preview,
        }, status);
    }
}
