using Connector.Host.Connectors;
using Connector.Host.Console.Kit;
using Connector.Host.Experience;
using Connector.Host.Oidc.Apps;
using Connector.Host.Users;

namespace Connector.Host.Console.Dashboard;

/// <summary><c>/console</c>: where the operator stands — the seed's setup steps, ticked off as they are done.</summary>
internal static class DashboardEndpoints
{
    public static RouteGroupBuilder MapDashboard(this RouteGroupBuilder console)
    {
        console.MapGet("", ShowAsync);
        return console;
    }

    private static async Task<IResult> ShowAsync(
        ConnectorStore connectors, ExperienceAdminService experience, AppAdminService apps, UserAdminService users, CancellationToken ct)
    {
        var connectorRows = await connectors.ListAsync(ct);
        var shown = (await experience.GetAsync(ct)).Connectors;
        var anyApp = (await apps.ListAsync(ct)).Count > 0;
        var anyUser = (await users.ListAsync(new UserListQuery(null, null, 1), ct)).Count > 0;
        return ConsolePages.Page<DashboardPage>(ConsoleSections.Dashboard, new Dictionary<string, object?>
        {
            [nameof(DashboardPage.Steps)] = new List<SetupStep>
            {
                new("console.setup.connector.title", "console.setup.connector.help", ConsolePaths.Connectors, connectorRows.Count > 0),
                new("console.setup.experience.title", "console.setup.experience.help", ConsolePaths.SignInExperience, shown.Count > 0),
                new("console.setup.application.title", "console.setup.application.help", ConsolePaths.Applications, anyApp),
                new("console.setup.firstUser.title", "console.setup.firstUser.help", ConsolePaths.Users, anyUser),
            },
        });
    }
}

/// <summary>One step of the setup: its page texts, where it is done, and whether it is.</summary>
public sealed record SetupStep(string TitleKey, string HelpKey, string Path, bool Done);
