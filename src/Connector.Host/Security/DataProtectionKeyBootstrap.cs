using Dapper;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Connector.Host.Security;

/// <summary>
/// Creates the first Data Protection key at start-up under an advisory lock (and encrypts the keys stored before the
/// ring had a certificate). Left to itself, each of N
/// instances starting on an empty ring would make its own key on first use and not learn the others'
/// until its next key-ring refresh; with this, they all find the one key the first instance created.
/// </summary>
internal sealed class DataProtectionKeyBootstrap(
    NpgsqlDataSource dataSource,
    PostgresXmlRepository repository,
    IKeyManager keyManager,
    IOptions<KeyManagementOptions> options,
    TimeProvider time,
    ILogger<DataProtectionKeyBootstrap> logger)
{
    /// <summary>Fixed key for <c>pg_advisory_lock</c> ("connectors.dpkeys").</summary>
    private const long LockKey = 0x436f6e6e44504b79;

    public async Task EnsureKeyAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: ct));
        try
        {
            // Keys made before a certificate was configured are encrypted now, before anything reads them.
            if (options.Value.XmlEncryptor is { } encryptor && await repository.EncryptPlainKeysAsync(encryptor, ct) is > 0 and var reprotected)
            {
                SecurityLog.KeysReprotected(logger, reprotected);
            }

            var now = time.GetUtcNow();
            var usable = keyManager.GetAllKeys().Any(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now);
            if (!usable)
            {
                var key = keyManager.CreateNewKey(now, now + options.Value.NewKeyLifetime);
                SecurityLog.DataProtectionKeyCreated(logger, key.KeyId);
            }
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@LockKey)", new { LockKey }, cancellationToken: CancellationToken.None));
        }
    }
}
