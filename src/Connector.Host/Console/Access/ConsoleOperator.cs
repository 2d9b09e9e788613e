namespace Connector.Host.Console.Access;

/// <summary>
/// Who is at the console: an admin key (<see cref="Actor"/> is the key's fingerprint, as over the API) or a user with
/// the <c>operator</c> role (<c>user:{id}</c>, as their sign-ins are audited). Every change they make is audited under
/// <see cref="Actor"/>.
/// </summary>
public sealed record ConsoleOperator(string Actor, string Method, string DisplayName, Guid? UserId)
{
    public const string KeyMethod = "key";
    public const string ConnectorMethod = "connector";
}
