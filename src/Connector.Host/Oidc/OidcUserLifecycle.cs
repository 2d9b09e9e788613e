using Connector.Host.Oidc.Stores;
using Connector.Host.Users;
using Npgsql;

namespace Connector.Host.Oidc;

/// <summary>
/// The issuer's part when a user is signed out everywhere or erased: every app's grants and tokens for that user
/// are revoked or deleted in the same transaction (the revocation epoch already refuses them; this leaves no
/// token that a later mistake could honour).
/// </summary>
internal sealed class OidcUserLifecycle : IUserLifecycleListener
{
    public async Task SessionsRevokedAsync(Guid userId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await OidcTokenStore.RevokeBySubjectAsync(connection, transaction, userId.ToString(), ct);
        await OidcAuthorizationStore.RevokeBySubjectAsync(connection, transaction, userId.ToString(), ct);
    }

    public async Task UserDeletingAsync(Guid userId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await OidcTokenStore.DeleteBySubjectAsync(connection, transaction, userId.ToString(), ct);
        await OidcAuthorizationStore.DeleteBySubjectAsync(connection, transaction, userId.ToString(), ct);
    }
}
