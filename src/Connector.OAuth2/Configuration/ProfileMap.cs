namespace Connector.OAuth2.Configuration;

/// <summary>
/// Paths into the userinfo JSON for each normalized profile field (Logto's <c>profileMap</c>).
/// A missing entry maps the field to the key of the same name.
/// </summary>
public sealed record ProfileMap
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Avatar { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }

    internal string IdPath => Present(Id) ?? "id";
    internal string NamePath => Present(Name) ?? "name";
    internal string AvatarPath => Present(Avatar) ?? "avatar";
    internal string EmailPath => Present(Email) ?? "email";
    internal string PhonePath => Present(Phone) ?? "phone";

    private static string? Present(string? path) => string.IsNullOrWhiteSpace(path) ? null : path;
}
