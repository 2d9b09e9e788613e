namespace Connector.Host.Users;

/// <summary>Body of <c>PATCH /api/users/{id}</c>: a merge patch of what an operator may change.</summary>
internal sealed record UserPatch
{
    public bool? Disabled { get; init; }

    public IReadOnlyList<string>? Roles { get; init; }
}
