using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Host.Users;

namespace Connector.Host.Console.Users;

/// <summary>The Users pages' view of the service's accounts.</summary>
internal static class UserViews
{
    // The page encodes what it shows; the JSON keeps a provider's letters as they are (é, not \u00E9).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string DisplayOf(UserRow user) => user.Name ?? user.Email ?? user.Id.ToString();

    public static UserListRow Row(UserAccount account)
    {
        var user = account.User;
        return new(user.Id, DisplayOf(user), user.Email, user.EmailVerified,
            [.. account.Identities.Select(identity => identity.ConnectorId).Distinct(StringComparer.Ordinal)], user.Disabled, user.Roles, user.CreatedAt);
    }

    public static UserProfileView Profile(UserAccount account)
    {
        var user = account.User;
        return new(user.Id, DisplayOf(user), user.Name, user.Email, user.EmailVerified, user.Phone, user.Avatar, user.Disabled, user.Roles,
            user.CreatedAt, user.UpdatedAt);
    }

    /// <param name="lastSignIns">Per connector, the user's last successful sign-in the audit trail records.</param>
    /// <param name="withTokens">The identities the token vault keeps tokens for.</param>
    public static IReadOnlyList<IdentityView> Identities(UserAccount account, IReadOnlyDictionary<string, DateTime> lastSignIns, IReadOnlySet<long> withTokens) =>
        [.. account.Identities.Select(identity => new IdentityView(identity.ConnectorId, identity.Subject, identity.CreatedAt, identity.UpdatedAt,
            lastSignIns.TryGetValue(identity.ConnectorId, out var at) ? at : null, Pretty(identity.Profile), Pretty(identity.RawProfile),
            withTokens.Contains(identity.Id)))];

    private static string Pretty(string json) => JsonNode.Parse(json)?.ToJsonString(Indented) ?? "null";
}
