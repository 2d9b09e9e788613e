using Connector.OAuth2.Configuration;

namespace Connector.Host.Connectors;

/// <summary>
/// The write-only parts of a connector's config, decrypted: what <see cref="ConnectorDocuments"/> keeps out of the stored
/// document and the answers, and <see cref="ConnectorSecretProtection"/> keeps encrypted in the row. A key is null when the
/// config has no such member.
/// </summary>
internal sealed record ConnectorSecrets(string ClientSecret, string? SignedClientSecretKey, string? ClientAssertionKey)
{
    public const string SignedClientSecretKeyField = "signedClientSecret.privateKey";
    public const string ClientAssertionKeyField = "clientAssertionKey.privateKey";

    public static ConnectorSecrets Of(OAuth2ConnectorConfig config) =>
        new(config.ClientSecret, config.SignedClientSecret?.PrivateKey, config.ClientAssertionKey?.PrivateKey);

    /// <summary>The config paths whose secret differs between the two, for the audit trail (names only, never values).</summary>
    public IEnumerable<string> ChangedFrom(ConnectorSecrets before)
    {
        if (ClientSecret != before.ClientSecret)
        {
            yield return ConnectorDocuments.ClientSecretField;
        }

        if (SignedClientSecretKey != before.SignedClientSecretKey)
        {
            yield return SignedClientSecretKeyField;
        }

        if (ClientAssertionKey != before.ClientAssertionKey)
        {
            yield return ClientAssertionKeyField;
        }
    }
}
