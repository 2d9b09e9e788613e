namespace Connector.Host.SignIn;

/// <summary>
/// Who a sign-in is for, told by the feature that sent the browser here (the issuer, for an app's authorization
/// request waiting in <c>returnTo</c>): implemented there, so that this feature names no other.
/// </summary>
internal interface ISignInAudience
{
    /// <summary>The app waiting at <paramref name="returnTo"/>, or null when no app is (a plain visit).</summary>
    Task<SignInApp?> FindAsync(string? returnTo, CancellationToken ct);
}

/// <summary>An app's name, and the connectors it offers in its order (empty: the sign-in experience's).</summary>
internal sealed record SignInApp(string Name, IReadOnlyList<string> Connectors);
