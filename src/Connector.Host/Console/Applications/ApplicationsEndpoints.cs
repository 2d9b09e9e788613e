using System.Security.Claims;
using System.Text.Json.Nodes;
using Connector.Host.AdminApi;
using Connector.Host.Console.Kit;
using Connector.Host.Oidc.Apps;
using Connector.Host.Problems;

namespace Connector.Host.Console.Applications;

/// <summary>
/// <c>/console/applications</c>: the OIDC client apps, listed and created through <see cref="AppAdminService"/> as
/// <c>/api/apps</c>. A created app's secret is shown in the answer to the form, once, never in a redirect; each app's
/// own page is <see cref="AppEndpoints"/>'.
/// </summary>
internal static class ApplicationsEndpoints
{
    public static RouteGroupBuilder MapConsoleApplications(this RouteGroupBuilder console)
    {
        console.MapGet(Relative(ConsolePaths.Applications), ListAsync);
        console.MapGet(Relative(ConsolePaths.NewApplication), () => ConsolePages.Page<NewAppPage>(ConsoleSections.Applications, new Dictionary<string, object?>()));
        console.MapGet(Relative(ConsolePaths.NewApplication) + "/{template}", ShowCreate);
        console.MapPost(Relative(ConsolePaths.NewApplication) + "/{template}", CreateAsync);
        return console.MapConsoleApplication();
    }

    public static string Relative(string path) => path[ConsolePaths.Root.Length..];

    private static async Task<IResult> ListAsync(AppAdminService apps, CancellationToken ct)
    {
        var rows = (await apps.ListAsync(ct)).Select(app => AppPages.View(apps.Describe(app))).OrderBy(app => app.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return ConsolePages.Page<AppListPage>(ConsoleSections.Applications, new Dictionary<string, object?> { [nameof(AppListPage.Apps)] = rows });
    }

    private static IResult ShowCreate(string template) => AppTemplates.Find(template) is { } card
        ? CreatePage(card, FormValues.From(new JsonObject
        {
            ["redirectUris"] = string.Join('\n', card.RedirectUris),
            ["postLogoutRedirectUris"] = string.Join('\n', card.PostLogoutRedirectUris),
        }), FormErrors.None)
        : AppPages.NotFound();

    private static async Task<IResult> CreateAsync(string template, HttpRequest request, ClaimsPrincipal user, [AsParameters] AppPageServices services, CancellationToken ct)
    {
        if (AppTemplates.Find(template) is not { } card)
        {
            return AppPages.NotFound();
        }

        var form = await request.ReadFormAsync(ct);
        var fields = AppForm.Create(card.Type);
        var errors = new FieldErrors();
        var document = FormDocument.Read(form, fields, errors);
        document["type"] = card.Type;
        var outcome = errors.IsEmpty ? await services.Apps.CreateAsync(FormDocument.WithoutNulls(document), AdminActor.Of(user), ct) : new AppOutcome.Invalid(errors);
        return outcome switch
        {
            // The secret is in this answer and nowhere else: a redirect would have to carry it.
            AppOutcome.Saved { Secret: { } secret } saved => await AppPages.AppAsync(services, saved.App, secret, SecretMoment.Created, ct),
            AppOutcome.Saved saved => ConsolePages.Redirect(ConsolePaths.Application(saved.App.Id), "console.notice.appCreated"),
            AppOutcome.Invalid invalid => CreatePage(card, FormValues.From(form), FormErrors.From(invalid.Errors, fields, document)),
            var other => throw new InvalidOperationException($"A create does not end as {other}."),
        };
    }

    private static IResult CreatePage(AppTemplate card, FormValues values, FormErrors errors) =>
        ConsolePages.Page<CreateAppPage>(ConsoleSections.Applications, new Dictionary<string, object?>
        {
            [nameof(CreateAppPage.Template)] = card,
            [nameof(CreateAppPage.Values)] = values,
            [nameof(CreateAppPage.Errors)] = errors,
        }, errors.IsEmpty ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
}
