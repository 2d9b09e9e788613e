using Connector.Host.Console.Access;
using Connector.Host.Pages;

namespace Connector.Host.Console.Kit;

/// <summary>
/// What every console page needs besides its own data: the strings in the operator's language, who is signed in,
/// which section is open (for the navigation), the anti-forgery token its forms carry, and the notice of the change
/// that led here, if any.
/// </summary>
public sealed record ConsoleContext(PageContext Page, ConsoleOperator Operator, string Section, string AntiforgeryField, string AntiforgeryToken, string? Notice)
{
    public PageText Text => Page.Text;
}
