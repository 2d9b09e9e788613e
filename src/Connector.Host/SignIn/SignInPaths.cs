using Connector.Host.Configuration;

namespace Connector.Host.SignIn;

/// <summary>The end user's pages and the flow's routes (see <c>docs/sign-in-flow.md</c>).</summary>
internal static class SignInPaths
{
    public const string SignIn = "/sign-in";
    public const string Start = "/sign-in/{connectorId}";
    public const string CallbackPrefix = PublicUrls.CallbackPrefix;
    public const string Callback = CallbackPrefix + "/{connectorId}";
    public const string Account = "/account";
    public const string SignOut = "/sign-out";

    /// <summary>Where a finished sign-in goes when nothing else was asked for.</summary>
    public const string DefaultReturn = Account;

    public const string ReturnToParameter = "returnTo";

    public static string SignInReturningTo(string returnTo) => $"{SignIn}?{ReturnToParameter}={Uri.EscapeDataString(returnTo)}";

    public static string StartOf(string connectorId, string? returnTo) =>
        $"{SignIn}/{Uri.EscapeDataString(connectorId)}" + (returnTo is null ? "" : $"?{ReturnToParameter}={Uri.EscapeDataString(returnTo)}");

}
