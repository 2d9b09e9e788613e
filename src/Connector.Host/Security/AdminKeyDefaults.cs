namespace Connector.Host.Security;

internal static class AdminKeyDefaults
{
    public const string Scheme = "AdminKey";

    /// <summary>The authorization policy on the whole <c>/api</c> group, so no admin route can be mapped without it.</summary>
    public const string Policy = "ConnectorsAdmin";
}
