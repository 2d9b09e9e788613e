namespace Connector.Host.Users;

/// <summary>The roles a user may hold.</summary>
internal static class UserRoles
{
    /// <summary>May sign in to the console and do there what an admin key may do over the API.</summary>
    public const string Operator = "operator";

    public static readonly string[] All = [Operator];
}
