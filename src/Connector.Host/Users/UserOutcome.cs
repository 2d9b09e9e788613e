using Connector.Host.Problems;

namespace Connector.Host.Users;

/// <summary>What an operator's change to a user came to, for the admin API and the console alike.</summary>
internal abstract record UserOutcome
{
    public sealed record Saved(UserAccount Account) : UserOutcome;

    /// <summary>Done, with nothing to show (a delete, an unlink, a sign-out everywhere).</summary>
    public sealed record Done : UserOutcome;

    public sealed record Invalid(FieldErrors Errors) : UserOutcome;

    public sealed record NotFound : UserOutcome;

    /// <summary>The user has no identity of that connector.</summary>
    public sealed record IdentityNotFound(string ConnectorId) : UserOutcome;
}
