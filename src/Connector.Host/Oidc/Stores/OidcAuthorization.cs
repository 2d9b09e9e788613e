namespace Connector.Host.Oidc.Stores;

/// <summary>A row of <c>oidc_authorizations</c>: a user's grant to an app, which its tokens hang off.</summary>
internal sealed class OidcAuthorization
{
    public Guid Id { get; set; }
    public Guid? ApplicationId { get; set; }
    public string? Subject { get; set; }
    public string? Status { get; set; }
    public string? Type { get; set; }
    public string Scopes { get; set; } = "[]";
    public string Properties { get; set; } = "{}";
    public DateTime? CreationDate { get; set; }
    public string ConcurrencyToken { get; set; } = Guid.NewGuid().ToString();
}
