namespace Connector.Host.Oidc.Stores;

/// <summary>A row of <c>oidc_tokens</c>: an authorization code, refresh token or access token entry.</summary>
internal sealed class OidcToken
{
    public Guid Id { get; set; }
    public Guid? ApplicationId { get; set; }
    public Guid? AuthorizationId { get; set; }
    public string? Subject { get; set; }
    public string? Type { get; set; }
    public string? Status { get; set; }
    public string? Payload { get; set; }
    public string? ReferenceId { get; set; }
    public DateTime? CreationDate { get; set; }
    public DateTime? ExpirationDate { get; set; }
    public DateTime? RedemptionDate { get; set; }
    public string Properties { get; set; } = "{}";
    public string ConcurrencyToken { get; set; } = Guid.NewGuid().ToString();
}
