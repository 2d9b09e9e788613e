using Connector.Host.Pages;
using Connector.Host.Problems;
using Connector.OAuth2.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.SignIn;

/// <summary>What each error page of the browser flow tells the user; the codes are the catalogue's.</summary>
internal static class SignInErrors
{
    public static IResult NotFound(HttpContext context) => Page(context, StatusCodes.Status404NotFound, ErrorCodes.ConnectorNotFound,
        "Sign-in method not found", "This sign-in method does not exist. It may have been removed.");

    public static IResult Disabled(HttpContext context) => Page(context, StatusCodes.Status400BadRequest, ErrorCodes.ConnectorDisabled,
        "Sign-in method unavailable", "This sign-in method is turned off. Choose another one.");

    public static IResult BadState(HttpContext context) => Page(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidState,
        "Sign-in could not be completed", "This sign-in link is not valid in this browser, or it was already used. Start again.");

    public static IResult Expired(HttpContext context) => Page(context, StatusCodes.Status400BadRequest, ErrorCodes.StateExpired,
        "Sign-in took too long", "The sign-in expired before it was finished. Start again.");

    public static IResult Cancelled(HttpContext context) => Page(context, StatusCodes.Status400BadRequest, ErrorCodes.ProviderAccessDenied,
        "You cancelled the sign-in", "Nothing was changed. You can choose a sign-in method again whenever you like.");

    public static IResult Provider(HttpContext context) => Page(context, StatusCodes.Status502BadGateway, ErrorCodes.ProviderError,
        "The sign-in provider refused", "The provider ended the sign-in with an error. Try again, or choose another method.");

    /// <summary>An engine failure: the provider answered wrongly, slowly or not at all.</summary>
    public static IResult Engine(HttpContext context, ConnectorError error) => Page(context, StatusCodes.Status502BadGateway, error.Code,
        "The sign-in provider did not answer as expected", error.Code == ErrorCodes.ProviderTimeout
            ? "The provider took too long to answer. Try again in a moment."
            : "The provider's answer could not be used to sign you in. Try again, or choose another method.");

    public static IResult SignOutUnconfirmed(HttpContext context) => Page(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest,
        "Sign-out could not be confirmed", "The sign-out form was not sent by this site. Open your account page and try again.");

    private static RazorComponentResult<ErrorPage> Page(HttpContext context, int status, string code, string title, string message) =>
        HtmlPages.Error(context, status, code, title, message, back: SignInPaths.SignIn);
}
