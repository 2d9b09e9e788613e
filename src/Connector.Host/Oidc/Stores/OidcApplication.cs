using Connector.Host.Audit;

namespace Connector.Host.Oidc.Stores;

/// <summary>
/// A row of <c>oidc_applications</c>, the entity OpenIddict's application manager works on. List and map
/// fields hold their JSON text, as OpenIddict's own EF Core entities do.
/// </summary>
internal sealed class OidcApplication
{
    public Guid Id { get; set; }
    public string? ClientId { get; set; }

    /// <summary>OpenIddict's salted hash of the secret; the secret itself is never stored.</summary>
    public string? ClientSecret { get; set; }

    public string? ClientType { get; set; }
    public string? ApplicationType { get; set; }
    public string? ConsentType { get; set; }
    public string? DisplayName { get; set; }
    public string DisplayNames { get; set; } = "{}";
    public string? JsonWebKeySet { get; set; }
    public string Permissions { get; set; } = "[]";
    public string RedirectUris { get; set; } = "[]";
    public string PostLogoutRedirectUris { get; set; } = "[]";
    public string Requirements { get; set; } = "[]";
    public string Settings { get; set; } = "{}";
    public string Properties { get; set; } = "{}";
    public string ConcurrencyToken { get; set; } = Guid.NewGuid().ToString();
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// The audit event of the admin change being saved, written by the store in the same transaction as the
    /// row (never persisted on the entity). Null for changes OpenIddict makes itself.
    /// </summary>
    public AuditEntry? PendingAudit { get; set; }
}
