using Connector.Host.Console.Kit;
using Connector.Host.Oidc.Apps;
using Connector.Host.Oidc.Stores;

namespace Connector.Host.Console.Applications;

/// <summary>The answers the application pages share: an app's page (with its secret, the once it is shown), and "not found".</summary>
internal static class AppPages
{
    public static AppView View(AppResponse app) =>
        new(app.Id, app.ClientId, app.Name, app.Type, app.Issuer, app.OpenidConfiguration, app.RedirectUris);

    /// <summary>The app's page: its stored values, or what was just sent with its <paramref name="errors"/>.</summary>
    public static async Task<IResult> AppAsync(
        AppPageServices services, OidcApplication app, string? secret, SecretMoment moment, CancellationToken ct,
        FormValues? values = null, FormErrors? errors = null, int status = StatusCodes.Status200OK)
    {
        var view = View(services.Apps.Describe(app));
        return ConsolePages.Page<AppPage>(ConsoleSections.Applications, new Dictionary<string, object?>
        {
            [nameof(AppPage.App)] = view,
            [nameof(AppPage.Secret)] = secret,
            [nameof(AppPage.Moment)] = moment,
            [nameof(AppPage.Values)] = values ?? FormValues.From(AppDocuments.Editable(app)),
            [nameof(AppPage.Errors)] = errors ?? FormErrors.None,
            [nameof(AppPage.Connectors)] = await ConnectorChoicesAsync(services, ct),
            [nameof(AppPage.Guide)] = AppTypes.IsPublic(view.Type) ? null : IntegrationGuide.For(view),
        }, status);
    }

    public static IResult NotFound() =>
        ConsolePages.Page<AppNotFoundPage>(ConsoleSections.Applications, new Dictionary<string, object?>(), StatusCodes.Status404NotFound);

    /// <summary>Every connector, in the sign-in experience's order and then the others: an app's list is saved in this order.</summary>
    private static async Task<IReadOnlyList<KeyValuePair<string, string>>> ConnectorChoicesAsync(AppPageServices services, CancellationToken ct)
    {
        var order = (await services.Experience.GetAsync(ct)).Connectors;
        var place = order.Select((id, index) => (id, index)).ToDictionary(pair => pair.id, pair => pair.index, StringComparer.Ordinal);
        return [.. (await services.Connectors.ListAsync(ct))
            .OrderBy(row => place.GetValueOrDefault(row.Id, order.Count))
            .Select(row => KeyValuePair.Create(row.Id, $"{row.Name} ({row.Id})"))];
    }
}
