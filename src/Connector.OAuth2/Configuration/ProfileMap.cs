namespace Connector.OAuth2.Configuration;

/// <summary>
/// Where each normalized profile field comes from in the userinfo JSON (Logto's <c>profileMap</c>, plus
/// <see cref="EmailVerified"/>). A missing entry maps the field to the key of the same name; values may
/// use fallbacks, quoted keys and templates (see docs/connectors.md, "Profile map syntax").
/// </summary>
public sealed record ProfileMap
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Avatar { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }

    /// <summary>Beyond Logto: a boolean the provider sends about the email (<c>email_verified</c>, Discord's <c>verified</c>).</summary>
    public string? EmailVerified { get; init; }

    /// <summary>
    /// The map with OpenID Connect Core 1.0 §5.1 standard claims for the entries it leaves out (<c>sub</c>,
    /// <c>picture</c>, <c>phone_number</c>), as Logto's OIDC connector reads them: a verified ID token's claims use those names.
    /// </summary>
    public static ProfileMap WithOpenIdDefaults(ProfileMap? map)
    {
        map ??= new ProfileMap();
        return map with
        {
            Id = Present(map.Id) ?? "sub",
            Avatar = Present(map.Avatar) ?? "picture",
            Phone = Present(map.Phone) ?? "phone_number",
        };
    }

    internal string IdPath => Present(Id) ?? "id";
    internal string NamePath => Present(Name) ?? "name";
    internal string AvatarPath => Present(Avatar) ?? "avatar";
    internal string EmailPath => Present(Email) ?? "email";
    internal string PhonePath => Present(Phone) ?? "phone";
    internal string EmailVerifiedPath => Present(EmailVerified) ?? "email_verified";

    private static string? Present(string? path) => string.IsNullOrWhiteSpace(path) ? null : path;
}
