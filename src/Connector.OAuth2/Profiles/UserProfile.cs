using System.Text.Json;

namespace Connector.OAuth2.Profiles;

/// <summary>
/// The normalized profile (<c>id / name / avatar / email / phone</c>), whether the provider vouched for the
/// email (null when it did not say), and the full userinfo JSON it came from.
/// </summary>
public sealed record UserProfile(string Id, string? Name, string? Avatar, string? Email, string? Phone, JsonElement Raw)
{
    public bool? EmailVerified { get; init; }

    // Profiles are personal data: keep them out of logs even through a record's generated ToString.
    public override string ToString() => "UserProfile { … }";
}
