namespace Connector.Host.Oidc.Stores;

/// <summary>A row of <c>oidc_scopes</c>.</summary>
internal sealed class OidcScope
{
    public Guid Id { get; set; }
    public string? Name { get; set; }
    public string? DisplayName { get; set; }
    public string DisplayNames { get; set; } = "{}";
    public string? Description { get; set; }
    public string Descriptions { get; set; } = "{}";
    public string Resources { get; set; } = "[]";
    public string Properties { get; set; } = "{}";
    public string ConcurrencyToken { get; set; } = Guid.NewGuid().ToString();
}
