namespace Connector.Host.Users;

/// <summary>Whom a completed provider sign-in is, or why it may not sign in; expected outcomes are values.</summary>
internal abstract record SignInResolution
{
    /// <param name="Epoch">The user's revocation epoch, which the session carries (see <see cref="UserRow.SessionEpoch"/>).</param>
    public sealed record Resolved(Guid UserId, bool IsNew, bool Linked, int Epoch) : SignInResolution;

    /// <summary>Nothing was written: <see cref="Code"/> is <c>user_disabled</c> or <c>sign_up_disabled</c>.</summary>
    public sealed record Refused(string Code) : SignInResolution;
}
