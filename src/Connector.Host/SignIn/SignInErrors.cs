using Connector.OAuth2.Results;

namespace Connector.Host.SignIn;

/// <summary>The browser flow's error codes (DESIGN.md, Error codes) and what each page tells the user.</summary>
internal static class SignInErrors
{
    public const string ConnectorNotFound = "connector_not_found";
    public const string ConnectorDisabled = "connector_disabled";
    public const string InvalidState = "invalid_state";
    public const string StateExpired = "state_expired";
    public const string AccessDenied = "provider_access_denied";
    public const string ProviderError = "provider_error";

    public static IResult NotFound(HttpContext context) => SignInPages.Error(context, StatusCodes.Status404NotFound, ConnectorNotFound,
        "Sign-in method not found", "This sign-in method does not exist. It may have been removed.");

    public static IResult Disabled(HttpContext context) => SignInPages.Error(context, StatusCodes.Status400BadRequest, ConnectorDisabled,
        "Sign-in method unavailable", "This sign-in method is turned off. Choose another one.");

    public static IResult BadState(HttpContext context) => SignInPages.Error(context, StatusCodes.Status400BadRequest, InvalidState,
        "Sign-in could not be completed", "This sign-in link is not valid in this browser, or it was already used. Start again.");

    public static IResult Expired(HttpContext context) => SignInPages.Error(context, StatusCodes.Status400BadRequest, StateExpired,
        "Sign-in took too long", "The sign-in expired before it was finished. Start again.");

    public static IResult Cancelled(HttpContext context) => SignInPages.Error(context, StatusCodes.Status400BadRequest, AccessDenied,
        "You cancelled the sign-in", "Nothing was changed. You can choose a sign-in method again whenever you like.");

    public static IResult Provider(HttpContext context) => SignInPages.Error(context, StatusCodes.Status502BadGateway, ProviderError,
        "The sign-in provider refused", "The provider ended the sign-in with an error. Try again, or choose another method.");

    /// <summary>An engine failure: the provider answered wrongly, slowly or not at all.</summary>
    public static IResult Engine(HttpContext context, ConnectorError error) => SignInPages.Error(context, StatusCodes.Status502BadGateway, error.Code,
        "The sign-in provider did not answer as expected", error.Code == ConnectorErrorCodes.ProviderTimeout
            ? "The provider took too long to answer. Try again in a moment."
            : "The provider's answer could not be used to sign you in. Try again, or choose another method.");
}
