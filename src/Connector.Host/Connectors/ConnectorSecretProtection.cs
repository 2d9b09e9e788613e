using System.Text.Json;
using Connector.Host.Security;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Tokens;

namespace Connector.Host.Connectors;

/// <summary>Moves <see cref="ConnectorSecrets"/> in and out of a <see cref="ConnectorRow"/>'s encrypted columns.</summary>
internal static class ConnectorSecretProtection
{
    /// <summary>The row's secrets, decrypted. An empty client secret (none needed with a key) is stored as nothing.</summary>
    public static ConnectorSecrets Unprotect(this ClientSecretProtector protector, ConnectorRow row) => new(
        row.ClientSecretProtected.Length == 0 ? "" : protector.Unprotect(row.Id, row.ClientSecretProtected),
        row.SignedClientSecretKeyProtected is { } signed ? protector.UnprotectPrivateKey(row.Id, ConnectorSecrets.SignedClientSecretKeyField, signed) : null,
        row.ClientAssertionKeyProtected is { } assertion ? protector.UnprotectPrivateKey(row.Id, ConnectorSecrets.ClientAssertionKeyField, assertion) : null);

    /// <summary>
    /// <paramref name="row"/> holding <paramref name="config"/>'s secrets, encrypted; a secret equal to its value in
    /// <paramref name="before"/> keeps its ciphertext, so an unrelated change does not rewrite it. Also the public JWK of the assertion key.
    /// </summary>
    public static ConnectorRow WithSecrets(this ClientSecretProtector protector, ConnectorRow row, OAuth2ConnectorConfig config, ConnectorSecrets? before = null)
    {
        var secrets = ConnectorSecrets.Of(config);
        return row with
        {
            ClientSecretProtected = secrets.ClientSecret == before?.ClientSecret ? row.ClientSecretProtected
                : secrets.ClientSecret.Length == 0 ? "" : protector.Protect(row.Id, secrets.ClientSecret),
            SignedClientSecretKeyProtected = Key(protector, row.Id, ConnectorSecrets.SignedClientSecretKeyField,
                secrets.SignedClientSecretKey, before?.SignedClientSecretKey, row.SignedClientSecretKeyProtected),
            ClientAssertionKeyProtected = Key(protector, row.Id, ConnectorSecrets.ClientAssertionKeyField,
                secrets.ClientAssertionKey, before?.ClientAssertionKey, row.ClientAssertionKeyProtected),
            ClientAssertionPublicJwk = config.ClientAssertionKey is { } key && PublicJwk.From(key) is { } jwk
                ? JsonSerializer.Serialize(jwk)
                : null,
        };
    }

    private static string? Key(ClientSecretProtector protector, string id, string field, string? pem, string? before, string? stored) =>
        pem is null ? null
        : pem == before && stored is not null ? stored
        : protector.ProtectPrivateKey(id, field, pem);
}
