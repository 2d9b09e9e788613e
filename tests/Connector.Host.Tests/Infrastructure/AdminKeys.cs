using System.Security.Cryptography;
using System.Text;

namespace Connector.Host.Tests.Infrastructure;

public static class AdminKeys
{
    public const string Primary = "test-admin-key-primary-0123456789";
    public const string Secondary = "test-admin-key-secondary-0123456789";
    public const string Wrong = "test-admin-key-wrong-000000000000";

    /// <summary>The audit actor of the primary key.</summary>
    public static string PrimaryActor => ActorOf(Primary);

    /// <summary>How the audit names a key's actions: <c>admin-key:</c> and the first 4 bytes of its SHA-256, in hex.</summary>
    public static string ActorOf(string key) => "admin-key:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 4));
}
