namespace Connector.Host.Oidc.Keys;

/// <summary>A key as the admin API lists it: never its private part.</summary>
internal sealed record OidcKeyResponse(string Kid, string Algorithm, DateTime CreatedAt, DateTime NotBefore, DateTime? RetiredAt, bool Current)
{
    public static OidcKeyResponse From(OidcKeyRow row, bool current) =>
        new(row.Kid, row.Algorithm, row.CreatedAt, row.NotBefore, row.RetiredAt, current);
}
