using Npgsql;

namespace Connector.Host.Users;

/// <summary>
/// A feature that keeps the provider's tokens of a sign-in (the token vault), written in the sign-in's own transaction so
/// that a refused or failed sign-in keeps none; implemented there, so that this feature names no other.
/// </summary>
internal interface IIdentityTokenSink
{
    Task StoreAsync(IdentitySignedIn signIn, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);
}
