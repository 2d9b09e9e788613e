using Connector.Host.Pages;
using Connector.Host.Problems;
using Connector.OAuth2.Results;

namespace Connector.Host.SignIn;

/// <summary>What each error page of the browser flow tells the user; the codes are the catalogue's.</summary>
internal static class SignInErrors
{
    public static readonly SignInErrorPage NotFound = new(StatusCodes.Status404NotFound, ErrorCodes.ConnectorNotFound,
        "Sign-in method not found", "This sign-in method does not exist. It may have been removed.");

    public static readonly SignInErrorPage Disabled = new(StatusCodes.Status400BadRequest, ErrorCodes.ConnectorDisabled,
        "Sign-in method unavailable", "This sign-in method is turned off. Choose another one.");

    public static readonly SignInErrorPage BadState = new(StatusCodes.Status400BadRequest, ErrorCodes.InvalidState,
        "Sign-in could not be completed", "This sign-in link is not valid in this browser, or it was already used. Start again.");

    public static readonly SignInErrorPage Expired = new(StatusCodes.Status400BadRequest, ErrorCodes.StateExpired,
        "Sign-in took too long", "The sign-in expired before it was finished. Start again.");

    public static readonly SignInErrorPage Cancelled = new(StatusCodes.Status400BadRequest, ErrorCodes.ProviderAccessDenied,
        "You cancelled the sign-in", "Nothing was changed. You can choose a sign-in method again whenever you like.");

    public static readonly SignInErrorPage Provider = new(StatusCodes.Status502BadGateway, ErrorCodes.ProviderError,
        "The sign-in provider refused", "The provider ended the sign-in with an error. Try again, or choose another method.");

    public static readonly SignInErrorPage UserDisabled = new(StatusCodes.Status403Forbidden, ErrorCodes.UserDisabled,
        "This account is disabled", "An administrator has disabled this account. Contact them if you think this is a mistake.");

    public static readonly SignInErrorPage SignUpDisabled = new(StatusCodes.Status403Forbidden, ErrorCodes.SignUpDisabled,
        "No account for you here yet", "This sign-in method only lets in people who already have an account. Ask an administrator for an invitation.");

    public static readonly SignInErrorPage EmailDomainNotAllowed = new(StatusCodes.Status403Forbidden, ErrorCodes.EmailDomainNotAllowed,
        "This email address cannot sign in here", "Only verified addresses of certain domains may sign in with this method. Use your work account, or another method.");

    /// <summary>The page for a refusal by the account rules (<see cref="ErrorCodes.UserDisabled"/>, <see cref="ErrorCodes.SignUpDisabled"/>).</summary>
    public static SignInErrorPage Refusal(string code) => code == ErrorCodes.UserDisabled ? UserDisabled : SignUpDisabled;

    public static readonly SignInErrorPage SignOutUnconfirmed = new(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest,
        "Sign-out could not be confirmed", "The sign-out form was not sent by this site. Open your account page and try again.");

    /// <summary>An engine failure: the provider answered wrongly, slowly or not at all.</summary>
    public static SignInErrorPage Engine(ConnectorError error) => new(StatusCodes.Status502BadGateway, error.Code,
        "The sign-in provider did not answer as expected", error.Code == ErrorCodes.ProviderTimeout
            ? "The provider took too long to answer. Try again in a moment."
            : "The provider's answer could not be used to sign you in. Try again, or choose another method.");
}

/// <summary>One error page of the flow; its link leads back to the sign-in page.</summary>
internal sealed record SignInErrorPage(int Status, string Code, string Title, string Message)
{
    public IResult Show(HttpContext context) => HtmlPages.Error(context, Status, Code, Title, Message, back: SignInPaths.SignIn);
}
