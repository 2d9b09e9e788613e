using System.Security.Claims;
using Connector.Host.AdminApi;
using Connector.Host.Console.Kit;
using Connector.Host.Oidc.Apps;
using Connector.Host.Problems;

namespace Connector.Host.Console.Applications;

/// <summary>
/// <c>/console/applications/{id}</c>: one app — its endpoints and credentials, its settings (a merge patch, as
/// <c>PATCH /api/apps/{id}</c>), the integration guide; rotating its secret and deleting it, each after a confirmation page.
/// </summary>
internal static class AppEndpoints
{
    private const string App = "/{id:guid}";

    public static RouteGroupBuilder MapConsoleApplication(this RouteGroupBuilder console)
    {
        var app = ApplicationsEndpoints.Relative(ConsolePaths.Applications) + App;
        console.MapGet(app, ShowAsync);
        console.MapPost(app, SaveAsync);
        console.MapGet(app + "/rotate-secret", ConfirmRotateAsync);
        console.MapPost(app + "/rotate-secret", RotateAsync);
        console.MapGet(app + "/delete", ConfirmDeleteAsync);
        console.MapPost(app + "/delete", DeleteAsync);
        return console;
    }

    private static async Task<IResult> ShowAsync(Guid id, [AsParameters] AppPageServices services, CancellationToken ct) =>
        await services.Apps.FindAsync(id, ct) is { } app ? await AppPages.AppAsync(services, app, null, SecretMoment.None, ct) : AppPages.NotFound();

    private static async Task<IResult> SaveAsync(Guid id, HttpRequest request, ClaimsPrincipal user, [AsParameters] AppPageServices services, CancellationToken ct)
    {
        if (await services.Apps.FindAsync(id, ct) is not { } app)
        {
            return AppPages.NotFound();
        }

        var form = await request.ReadFormAsync(ct);
        var fields = AppForm.Edit(services.Apps.Describe(app).Type);
        var errors = new FieldErrors();
        var patch = FormDocument.Read(form, fields, errors);
        var outcome = errors.IsEmpty ? await services.Apps.PatchAsync(id, patch, AdminActor.Of(user), ct) : new AppOutcome.Invalid(errors);
        if (outcome is AppOutcome.Concurrent)
        {
            errors.Add("", ErrorCodes.Conflict, "The app changed while this was saved; open it again and repeat the change.");
            outcome = new AppOutcome.Invalid(errors);
        }

        return outcome switch
        {
            AppOutcome.Saved => ConsolePages.Redirect(ConsolePaths.Application(id), "console.notice.appSaved"),
            AppOutcome.Invalid invalid => await AppPages.AppAsync(services, app, null, SecretMoment.None, ct,
                FormValues.From(form), FormErrors.From(invalid.Errors, fields, patch), StatusCodes.Status400BadRequest),
            _ => AppPages.NotFound(),
        };
    }

    private static async Task<IResult> ConfirmRotateAsync(Guid id, AppAdminService apps, CancellationToken ct)
    {
        if (await apps.FindAsync(id, ct) is not { } app)
        {
            return AppPages.NotFound();
        }

        var name = apps.Describe(app).Name;
        return Confirm(id, "console.applications.rotate.title", "console.applications.rotate.message", "console.applications.rotate.confirm",
            ConsolePaths.RotateApplicationSecret(id), name);
    }

    /// <summary>The new secret is in this answer only (the old one already stopped working).</summary>
    private static async Task<IResult> RotateAsync(Guid id, ClaimsPrincipal user, [AsParameters] AppPageServices services, CancellationToken ct) =>
        await services.Apps.RotateSecretAsync(id, AdminActor.Of(user), ct) switch
        {
            AppOutcome.Saved { Secret: { } secret } saved => await AppPages.AppAsync(services, saved.App, secret, SecretMoment.Rotated, ct),
            AppOutcome.Invalid or AppOutcome.Saved => ConsolePages.Redirect(ConsolePaths.Application(id)),
            AppOutcome.Concurrent => ConsolePages.Redirect(ConsolePaths.RotateApplicationSecret(id)),
            _ => AppPages.NotFound(),
        };

    private static async Task<IResult> ConfirmDeleteAsync(Guid id, AppAdminService apps, CancellationToken ct) =>
        await apps.FindAsync(id, ct) is { } app
            ? Confirm(id, "console.applications.delete.title", "console.applications.delete.message", "console.applications.delete.confirm",
                ConsolePaths.DeleteApplication(id), apps.Describe(app).Name)
            : AppPages.NotFound();

    private static async Task<IResult> DeleteAsync(Guid id, ClaimsPrincipal user, AppAdminService apps, CancellationToken ct) =>
        await apps.DeleteAsync(id, AdminActor.Of(user), ct) switch
        {
            AppOutcome.Saved => ConsolePages.Redirect(ConsolePaths.Applications, "console.notice.appDeleted"),
            AppOutcome.Concurrent => ConsolePages.Redirect(ConsolePaths.DeleteApplication(id)),
            _ => AppPages.NotFound(),
        };

    private static IResult Confirm(Guid id, string titleKey, string messageKey, string confirmKey, string action, string name) =>
        ConsolePages.Page<AppConfirmPage>(ConsoleSections.Applications, new Dictionary<string, object?>
        {
            [nameof(AppConfirmPage.TitleKey)] = titleKey,
            [nameof(AppConfirmPage.MessageKey)] = messageKey,
            [nameof(AppConfirmPage.ConfirmKey)] = confirmKey,
            [nameof(AppConfirmPage.Action)] = action,
            [nameof(AppConfirmPage.CancelHref)] = ConsolePaths.Application(id),
            [nameof(AppConfirmPage.Name)] = name,
        });
}
