using Connector.Host.Pages;
using Connector.Host.Problems;
using Connector.OAuth2.Results;

namespace Connector.Host.SignIn;

/// <summary>The error pages of the browser flow: each code of the catalogue with its status and its page texts.</summary>
internal static class SignInErrors
{
    public static readonly SignInErrorPage NotFound = new(StatusCodes.Status404NotFound, ErrorCodes.ConnectorNotFound, "errors.connectorNotFound");

    public static readonly SignInErrorPage Disabled = new(StatusCodes.Status400BadRequest, ErrorCodes.ConnectorDisabled, "errors.connectorDisabled");

    public static readonly SignInErrorPage BadState = new(StatusCodes.Status400BadRequest, ErrorCodes.InvalidState, "errors.invalidState");

    /// <summary>A POST to a <c>query</c> connector's callback, or a redirect to a <c>form_post</c> one's.</summary>
    public static readonly SignInErrorPage WrongResponseMode = new(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed, "errors.wrongResponseMode");

    public static readonly SignInErrorPage Expired = new(StatusCodes.Status400BadRequest, ErrorCodes.StateExpired, "errors.stateExpired");

    public static readonly SignInErrorPage Cancelled = new(StatusCodes.Status400BadRequest, ErrorCodes.ProviderAccessDenied, "errors.cancelled");

    public static readonly SignInErrorPage Provider = new(StatusCodes.Status502BadGateway, ErrorCodes.ProviderError, "errors.providerRefused");

    public static readonly SignInErrorPage UserDisabled = new(StatusCodes.Status403Forbidden, ErrorCodes.UserDisabled, "errors.userDisabled");

    public static readonly SignInErrorPage SignUpDisabled = new(StatusCodes.Status403Forbidden, ErrorCodes.SignUpDisabled, "errors.signUpDisabled");

    public static readonly SignInErrorPage EmailDomainNotAllowed = new(StatusCodes.Status403Forbidden, ErrorCodes.EmailDomainNotAllowed, "errors.emailDomain");

    /// <summary>The global ceiling on unfinished sign-ins is reached (<see cref="PendingStateCeiling"/>).</summary>
    public static readonly SignInErrorPage Busy = new(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "errors.busy");

    public static readonly SignInErrorPage SignOutUnconfirmed = new(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "errors.signOutUnconfirmed");

    /// <summary>The page for a refusal by the account rules (<see cref="ErrorCodes.UserDisabled"/>, <see cref="ErrorCodes.SignUpDisabled"/>).</summary>
    public static SignInErrorPage Refusal(string code) => code == ErrorCodes.UserDisabled ? UserDisabled : SignUpDisabled;

    /// <summary>An engine failure: the provider answered wrongly, slowly or not at all.</summary>
    public static SignInErrorPage Engine(ConnectorError error) => new(StatusCodes.Status502BadGateway, error.Code, "errors.providerFailed",
        error.Code == ErrorCodes.ProviderTimeout ? "errors.providerTimeout.message" : null);
}

/// <summary>One error page of the flow: its texts are <c>{Texts}.title</c> and <c>{Texts}.message</c>; its link leads back to sign-in.</summary>
internal sealed record SignInErrorPage(int Status, string Code, string Texts, string? MessageKey = null)
{
    public IResult Show() => HtmlPages.Error(Status, Code, Texts + ".title", MessageKey ?? Texts + ".message", back: SignInPaths.SignIn);
}
