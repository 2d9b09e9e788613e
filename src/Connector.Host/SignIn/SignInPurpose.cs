namespace Connector.Host.SignIn;

/// <summary>Why a sign-in state was created: a real sign-in, or an admin's dry run that creates no user.</summary>
internal static class SignInPurpose
{
    public const string SignIn = "sign_in";
    public const string Test = "test";
}
