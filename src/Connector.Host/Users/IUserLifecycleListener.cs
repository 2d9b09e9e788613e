using Npgsql;

namespace Connector.Host.Users;

/// <summary>
/// A feature that keeps something of a user's (the issuer's grants and tokens, say) and must let it go in the same
/// transaction as the user's change; implemented there, so that this feature names no other.
/// </summary>
internal interface IUserLifecycleListener
{
    /// <summary>The user was signed out everywhere (revoke-sessions, or disabled).</summary>
    Task SessionsRevokedAsync(Guid userId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);

    /// <summary>The user is being erased.</summary>
    Task UserDeletingAsync(Guid userId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);
}
