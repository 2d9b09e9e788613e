using Connector.Host.Oidc.Stores;
using Connector.Host.Problems;

namespace Connector.Host.Oidc.Apps;

/// <summary>What a change to an app came to; expected outcomes are values, not exceptions.</summary>
internal abstract record AppOutcome
{
    public sealed record Saved(OidcApplication App, string? Secret = null) : AppOutcome;

    public sealed record Invalid(FieldErrors Errors) : AppOutcome;

    public sealed record NotFound : AppOutcome;

    /// <summary>Another writer changed the app between our read and our write.</summary>
    public sealed record Concurrent : AppOutcome;
}
