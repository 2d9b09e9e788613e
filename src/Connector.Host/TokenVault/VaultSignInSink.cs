using Connector.Host.Users;
using Npgsql;

namespace Connector.Host.TokenVault;

/// <summary>Keeps a sign-in's tokens, encrypted, in the sign-in's transaction (the users feature calls it only for connectors with storage on).</summary>
internal sealed class VaultSignInSink(IdentityTokenProtector protector) : IIdentityTokenSink
{
    public Task StoreAsync(IdentitySignedIn signIn, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        IdentityTokenStore.UpsertAsync(connection, transaction, StoredTokens.From(signIn.IdentityId, signIn.Tokens, signIn.At, protector),
            signIn.ConnectorId, signIn.Generation, ct);
}
