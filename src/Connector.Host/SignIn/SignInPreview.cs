using Connector.Host.Connectors;
using Connector.Host.Pages;
using Connector.Host.SignIn.Pages;

namespace Connector.Host.SignIn;

/// <summary>
/// The sign-in page with settings that are not saved yet, for the console's preview. Whoever shows it decides who may
/// see it and who may frame it.
/// </summary>
internal static class SignInPreview
{
    /// <summary>
    /// The page itself in <paramref name="look"/>, with the buttons <paramref name="order"/> names (enabled connectors
    /// only, as a visitor sees them), none of which starts a sign-in.
    /// </summary>
    public static async Task<IResult> PageAsync(HttpContext context, PageLook look, IReadOnlyList<string> order, ConnectorStore connectors, CancellationToken ct)
    {
        PageContext.UseLook(context, look);
        var enabled = await connectors.ListEnabledAsync(ct);
        return HtmlPages.Page<SignInPage>(new Dictionary<string, object?>
        {
            [nameof(SignInPage.Connectors)] = SignInButtons.Of(order, enabled),
            [nameof(SignInPage.Preview)] = true,
        });
    }
}
