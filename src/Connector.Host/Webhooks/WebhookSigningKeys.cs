using System.Security.Cryptography;
using System.Text;
using Connector.Host.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Connector.Host.Webhooks;

/// <summary>
/// A webhook's signing key: made once, kept encrypted with Data Protection (the webhook id is part of the purpose, so a
/// key copied onto another webhook's row does not decrypt there), and used to sign every delivery's body.
/// </summary>
internal sealed class WebhookSigningKeys(IDataProtectionProvider provider)
{
    public const string Purpose = "Connectors.WebhookSigningKey.v1";

    /// <summary>The header receivers verify, as Logto's <c>logto-signature-sha-256</c>.</summary>
    public const string SignatureHeader = "connectors-signature-sha-256";

    /// <summary>256 random bits, base64url.</summary>
    public static string NewKey() => Secrets.NewRandom();

    /// <summary>Lower-case hex of HMAC-SHA256 over the body's UTF-8 bytes, keyed with the key's UTF-8 bytes (as Logto signs).</summary>
    public static string Sign(string key, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(body)));

    public string Protect(Guid webhookId, string key) => Protector(webhookId).Protect(key);

    public string Unprotect(Guid webhookId, string protectedKey) => Protector(webhookId).Unprotect(protectedKey);

    private IDataProtector Protector(Guid webhookId) => provider.CreateProtector(Purpose, webhookId.ToString());
}
