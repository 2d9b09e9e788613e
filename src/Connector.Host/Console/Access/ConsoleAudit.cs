namespace Connector.Host.Console.Access;

/// <summary>Audit actions of the console's own: entering and leaving it. What operators change there is audited by the feature they change.</summary>
internal static class ConsoleAudit
{
    public const string SignedIn = "console.signed_in";
    public const string SignedOut = "console.signed_out";
}
