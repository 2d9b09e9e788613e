using Connector.Host.Problems;

namespace Connector.Host.Experience;

/// <summary>What a change to the sign-in experience came to; expected outcomes are values, not exceptions.</summary>
internal abstract record ExperienceOutcome
{
    public sealed record Saved(SignInExperience Experience) : ExperienceOutcome;

    public sealed record Invalid(FieldErrors Errors) : ExperienceOutcome;
}
